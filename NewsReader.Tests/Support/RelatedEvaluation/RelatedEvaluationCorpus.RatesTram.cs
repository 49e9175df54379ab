namespace NewsReader.Tests.Support.RelatedEvaluation;

public static partial class RelatedEvaluationCorpus
{
    private static readonly Story[] InterestRates =
    [
        S("rates", "Central Bank of Arland raises interest rates to 4.75%",
            "The central bank lifted its base rate by a quarter point, the sixth rise in a row, to bring down inflation.",
            """
            The Central Bank of Arland raised its base rate from 4.5% to 4.75% on Thursday, its sixth consecutive increase,
            saying inflation was still running well above its 2% target. Seven of the nine members of the monetary policy
            committee voted for the rise; two wanted to hold. Consumer prices rose 5.8% in the year to October, driven by food
            and energy costs. Governor Helena Cray said the committee would "do what is necessary" to return inflation to target
            and did not rule out further increases. The Arland mark rose against the euro after the announcement, while shares
            in house builders fell on the Veldt stock exchange.
            """,
            ["Economy"], ["breaking"]),
        S("rates", "Homeowners in Arland face higher mortgage repayments",
            "About 300,000 households coming off fixed-rate mortgages next year will see their monthly payments jump.",
            """
            Lenders in Arland began raising mortgage rates within hours of the central bank's decision on Thursday. Borrowers
            on variable-rate loans will pay about 45 marks a month more for every 100,000 borrowed, according to the Arland
            Mortgage Association. The bigger shock awaits some 300,000 households whose two-year fixed deals end next year and
            who will move from rates near 2% to more than 5%. Ruth Bakker, a teacher in Delmar, said her repayments would rise
            by 380 marks a month. "We have already cut back on everything we can," she said. Debt charities report a rise in
            calls from homeowners worried about arrears.
            """,
            ["Economy", "Local"], ["local"]),
        S("rates", "Why Arland's central bank keeps raising rates",
            "Higher interest rates are meant to cool spending and bring inflation down, but they take more than a year to work.",
            """
            When the central bank raises its base rate, borrowing becomes dearer for banks, and they pass the cost on through
            mortgages, business loans and credit cards. Households and companies borrow and spend less, demand cools and price
            rises slow. The catch is timing: economists reckon a rate rise takes twelve to eighteen months to show fully in
            inflation. Critics of Governor Helena Cray say the bank is still reacting to last year's energy shock and risks
            pushing Arland into recession. Supporters say inflation expectations, once they drift upwards, are far harder to
            bring back down. Markets now expect the base rate to peak at 5% in the spring.
            """,
            ["Politics"], ["analysis", "explainer"]),
        S("rates", "Governor Helena Cray defends rate rise before parliament",
            "The head of the Central Bank of Arland told a finance committee that stopping too early would mean higher rates later.",
            """
            Helena Cray, governor of the Central Bank of Arland, faced three hours of questions from parliament's finance
            committee on Monday about the bank's sixth interest rate rise in a row. Opposition members accused the bank of
            punishing mortgage holders for inflation caused by global energy prices. Cray said the bank could not control oil
            prices but could stop high inflation becoming entrenched in wages and prices. "If we stop too early, rates will
            have to go higher later and stay there longer," she said. She told the committee that unemployment had risen only
            slightly and that the bank's forecasts showed inflation falling to 3% by the end of next year.
            """,
            ["Politics"], ["live"]),
        S("rates", "Small firms say borrowing costs are choking investment",
            "A survey of 2,000 Arland businesses finds that one in four has shelved plans to expand because loans cost too much.",
            """
            One in four small and medium-sized businesses in Arland has postponed investment because of rising interest rates,
            according to a survey by the Federation of Arland Enterprise. Overdraft and loan rates for small firms now average
            8.9%, up from 4% two years ago. Joinery owner Piet Marsman in Hollin said he had dropped plans for a second workshop
            after his bank quoted him a rate of 9.5% on a loan. The federation urged the central bank to pause its rises and
            asked the finance ministry to extend a loan guarantee scheme. Economists said slower business investment was part
            of how higher rates were supposed to cool the economy.
            """,
            ["Local"], ["analysis"]),
    ];

    private static readonly Story[] Tram =
    [
        S("tram", "Hollin council approves the Eastbrook tram extension",
            "Councillors voted 41 to 17 to extend the city's tram network four kilometres east to Eastbrook and the university.",
            """
            Hollin city council on Wednesday approved a four-kilometre extension of the tram network from Central Station to
            Eastbrook, with six new stops including the university campus and Eastbrook hospital. The vote, 41 to 17, followed
            two years of consultation. Councillor Priya Natarajan, who chairs the transport committee, said the line would take
            thousands of cars off Eastbrook Road each day. Opponents argued that electric buses would have cost a fraction as
            much. Hollin Transit expects construction to start in March and the first trams to run within three years. The
            extension will be paid for by the council, a national transport grant and a levy on city-centre parking.
            """,
            ["Politics"], ["local"]),
        S("tram", "First trams run on Hollin's Eastbrook line",
            "Passengers queued from dawn to ride the first service on the new tram line between Central Station and Eastbrook.",
            """
            The first tram on Hollin's Eastbrook line left Central Station at 5.45am on Saturday, carrying train enthusiasts,
            students and the mayor. Hollin Transit ran free services all weekend and counted 38,000 passengers. Trams will run
            every six minutes at peak times, and the journey from the city centre to the university takes fourteen minutes,
            half the time of the old bus route. Driver Tomas Grieg, who drove the first service, said passengers applauded as
            the tram crossed the new bridge over the Hollin canal. Some residents on Eastbrook Road complained of the screech
            of wheels on the tight curve at Mill Lane, which Hollin Transit says will be ground smooth.
            """,
            ["Local"], ["live"]),
        S("tram", "Tram works close Market Street for eight months",
            "Shopkeepers on Hollin's Market Street say trade has collapsed since contractors began laying tram track.",
            """
            Market Street in Hollin will be closed to traffic until the end of August while contractors lay tram rails and move
            water and gas pipes beneath the road. Hollin Transit says the closure is needed to build the Eastbrook line's
            junction with the existing city-centre tracks. Shopkeepers say footfall has halved. Amira Saleh, who runs a bakery
            opposite the old market hall, said she had cut her staff from six to three. The council has offered business rate
            relief and put up signs saying that shops are open as usual. Pedestrians can still use the pavements, but buses
            have been diverted along Canal Road.
            """,
            ["Economy", "Local"], ["local"]),
        S("tram", "Cost of Hollin's Eastbrook tram line rises to 412 million",
            "A report to councillors blames buried utility pipes and higher steel prices for a 70 million overspend on the tram.",
            """
            The Eastbrook tram extension in Hollin will cost 412 million, 70 million more than budgeted, according to a report
            presented to the council's transport committee on Tuesday. Contractors found many more gas and water pipes under
            Market Street and Eastbrook Road than old plans showed, and the price of rail steel rose by a fifth. The city's
            finance director said the extra cost would be met by borrowing over thirty years. Councillor Priya Natarajan said
            the line still offered good value because tram ridership was forecast to exceed 25,000 passengers a day. Opposition
            councillors called for an independent review of Hollin Transit's project management.
            """,
            ["Economy"], ["analysis"]),
        S("tram", "Battery trams will cross Hollin's old town without overhead wires",
            "Hollin Transit's new trams will switch to on-board batteries on the historic stretch past the cathedral.",
            """
            The fourteen trams ordered for Hollin's Eastbrook line will run on batteries for the 800 metres past the cathedral
            and the old town square, where heritage rules ban overhead wires. The trams charge their batteries from the overhead
            line on the rest of the route and while waiting at stops, using a pantograph that rises to the wire. Engineers at
            Hollin Transit tested a prototype through the winter to check that cold weather would not drain the batteries. Each
            tram carries 240 passengers and has low floors for wheelchairs and prams. The manufacturer says the batteries should
            last ten years before they need replacing.
            """,
            ["Science"], ["explainer"]),
    ];
}
