namespace NewsReader.Tests.Support.RelatedEvaluation;

public static partial class RelatedEvaluationCorpus
{
    private static readonly Story[] Football =
    [
        S("football", "Redmoor Athletic beat Castleford Rovers to win the cup final",
            "A header from Luis Okafor in the 88th minute gave Redmoor their first national cup in 42 years.",
            """
            Redmoor Athletic won the national cup for the first time since 1984, beating Castleford Rovers 2-1 in front of
            61,000 supporters at Valley Stadium. Castleford led at half-time through a penalty by captain Dean Whitaker after
            a handball in the area. Redmoor equalised on the hour when midfielder Kofi Asante curled a free kick into the top
            corner. With two minutes left, striker Luis Okafor rose above two defenders to head in a corner. Castleford's
            goalkeeper Stefan Lund had kept them in the game with three fine saves. Redmoor manager Ellen Marsh called it "the
            proudest night of my life" as her players lifted the trophy.
            """,
            ["Sport"], ["live"]),
        S("football", "Okafor's late header settles the final at Valley Stadium",
            "How Redmoor's tactical change at half-time turned the cup final against Castleford Rovers.",
            """
            For 45 minutes Castleford Rovers smothered Redmoor Athletic's midfield, pressing high and winning the ball back
            near the halfway line. Redmoor manager Ellen Marsh changed the game at half-time, moving Kofi Asante into a central
            role and switching to a back three. Redmoor's passing improved at once and Castleford's full-backs were pinned in
            their own half. The winning goal came from Redmoor's eleventh corner: Luis Okafor, who had scored only twice all
            season, lost his marker at the far post and headed past Stefan Lund. Castleford manager Jens Ritter was left
            wondering why his team stopped pressing after the break.
            """,
            ["Sport"], ["analysis"]),
        S("football", "Castleford manager Jens Ritter: 'we let our supporters down'",
            "The Castleford Rovers coach says his side lost the cup final because they stopped playing their own game.",
            """
            Jens Ritter did not hide his disappointment the morning after Castleford Rovers lost the cup final to Redmoor
            Athletic. "We had the game in our hands and we gave it away," the Castleford manager said at the club's training
            ground. "Twenty thousand of our supporters travelled to Valley Stadium and we let them down." Ritter defended his
            decision to take off Dean Whitaker, his captain and penalty taker, who had been booked in the first half. He said
            Castleford would learn from the defeat and aim to finish in the top four of the league. Ritter's contract runs
            until 2028, and the club's chairman has backed him publicly.
            """,
            ["Sport"], ["interview"]),
        S("football", "Thousands line Redmoor's streets for the cup parade",
            "An open-top bus carried Redmoor Athletic's players and the national cup through the town centre on Sunday.",
            """
            Redmoor came to a standstill on Sunday as an estimated 80,000 people lined the streets to greet the town's football
            team with the national cup. The open-top bus took two hours to crawl the three kilometres from the Athletic's
            ground to the town hall, where captain Marco Bellini held the trophy aloft from the balcony. Schoolchildren in
            claret and blue shirts climbed lamp posts, and the cathedral rang its bells. Goalscorer Luis Okafor led the crowd
            in singing the club anthem. The mayor of Redmoor said the council would name a square near the stadium after the
            1984 cup-winning team and this year's players.
            """,
            ["Local"], ["local"]),
        S("football", "Cup final ticket prices draw supporters' anger",
            "Fans of Redmoor and Castleford say the cheapest seats for the final cost twice as much as last year.",
            """
            Supporters' groups from Redmoor Athletic and Castleford Rovers have written to the football association to protest
            at ticket prices for the cup final at Valley Stadium. The cheapest seats cost 85, up from 40 last year, and each
            club received only 25,000 of the 61,000 tickets, with the rest going to sponsors, corporate hospitality and the
            association's members. Redmoor fan Joanne Pike said a family of four faced spending more than 600 on tickets,
            travel and food. The association said higher prices paid for grassroots football. Fans' groups want a cap on
            ticket prices for finals and a larger share of tickets for the clubs' own supporters.
            """,
            ["Economy"], ["opinion"]),
    ];

    private static readonly Story[] HospitalStrike =
    [
        S("strike", "Nurses at St Brigid's Hospital walk out over pay",
            "About 1,200 nurses in Mardale began a three-day strike after talks with health managers broke down.",
            """
            About 1,200 nurses at St Brigid's Hospital in Mardale walked out at 7am on Monday at the start of a three-day
            strike over pay and staffing. Picket lines formed at the main entrance and outside the maternity wing. The Nurses'
            Federation says wages have fallen behind inflation for five years and that wards are routinely left with one nurse
            for twelve patients at night. Emergency care, intensive care and cancer treatment continue, staffed under an
            agreement between the union and the hospital. Hospital chief executive Gareth Doyle said he regretted the strike
            and that the pay offer on the table was the most the health service's budget could bear.
            """,
            ["Health"], ["breaking"]),
        S("strike", "Operations postponed as the Mardale nurses' strike enters its third day",
            "St Brigid's Hospital has cancelled 900 planned operations and outpatient appointments during the walkout.",
            """
            St Brigid's Hospital in Mardale has postponed 900 planned operations and outpatient appointments since nurses
            began their strike on Monday, the hospital said on Wednesday. Hip replacements, cataract surgery and routine
            scans were among the procedures cancelled. Patients will be offered new dates within six weeks. Ambulances were
            diverted to Kirkby General Hospital for part of Tuesday night while the emergency department was short of staff.
            Hannah Ross, 71, said her knee operation had been put off for the second time this year. "I support the nurses,"
            she said, "but I have been in pain for eighteen months." Talks between the hospital and the union resume on Friday.
            """,
            ["Health"], ["live"]),
        S("strike", "Health minister Tom Aldous offers striking nurses a 5% pay rise",
            "The government's new offer to nurses in Mardale and beyond falls short of the union's demand for 9%.",
            """
            Health minister Tom Aldous offered nurses a 5% pay rise on Thursday in an attempt to end the strike at St Brigid's
            Hospital in Mardale before it spreads to other hospitals. The Nurses' Federation had asked for 9% and a legal limit
            on the number of patients each nurse looks after. Aldous told parliament the offer was "fair and affordable" and
            would cost the health budget 380 million a year. Union leader Siobhan Kerr said members would be balloted on the
            offer but that it "does nothing to fix unsafe staffing on the wards". Opposition parties said the minister had
            waited too long to negotiate with the nurses.
            """,
            ["Politics"], ["analysis"]),
        S("strike", "A night-shift nurse explains why she joined the St Brigid's strike",
            "Clare Mensah has worked on the surgical ward in Mardale for sixteen years and says she has never felt so stretched.",
            """
            Clare Mensah starts her night shift on Ward 9 of St Brigid's Hospital at 8pm and often does not sit down until
            8am. On a typical night she and one healthcare assistant care for up to fourteen surgical patients. "You spend the
            shift deciding whose call bell to answer first," she said on the picket line in Mardale. She joined the strike,
            her first in sixteen years of nursing, because younger colleagues are leaving for agency work and jobs abroad. Her
            pay, she says, buys less each year while her rent keeps rising. "We are not striking against our patients. We are
            striking so there is someone on the ward for them."
            """,
            ["Local"], ["interview"]),
        S("strike", "Nurses vote to end the Mardale hospital strike",
            "Members of the Nurses' Federation accepted a revised pay deal that includes extra staff for night shifts.",
            """
            Nurses at St Brigid's Hospital in Mardale voted by 78% to accept a revised offer on Tuesday, ending a dispute that
            led to three strikes since the spring. The deal gives nurses a 6% pay rise backdated to April and funds 140 extra
            nursing posts at the hospital, most of them on night shifts. Siobhan Kerr, of the Nurses' Federation, said the
            extra staff mattered more to members than the pay. Health minister Tom Aldous welcomed the vote and said the
            staffing model would be tried in two other hospitals. The hospital will now work through the backlog of
            postponed operations, which it expects to clear by the end of the year.
            """,
            ["Economy"], ["local"]),
    ];
}
