namespace NewsReader.Tests.Support.RelatedEvaluation;

public static partial class RelatedEvaluationCorpus
{
    private static readonly Story[] Wildfire =
    [
        S("wildfire", "Wildfire on Carrow Ridge forces evacuation of Pine Hollow",
            "Strong winds drove a fast-moving fire through dry forest towards the village of Pine Hollow on Saturday.",
            """
            About 2,500 residents of Pine Hollow were ordered to leave their homes on Saturday afternoon as a wildfire spread
            across Carrow Ridge, pushed by gusts of up to 70 kilometres an hour. The fire started near a forestry track at
            midday and had burned 1,800 hectares of pine and scrub by nightfall. More than 300 firefighters and six water-bombing
            aircraft were sent from across the province. Fire chief Dana Whitlock said crews were trying to hold the fire at
            the Carrow river before it reached the village. Evacuees were directed to a sports centre in Ashby. The cause of
            the fire is under investigation, and a total fire ban is in force across the district.
            """,
            ["Local"], ["breaking"]),
        S("wildfire", "Firefighters gain ground on the Carrow Ridge blaze as winds drop",
            "Crews cut firebreaks through the night and the fire's eastern flank is now contained, officials say.",
            """
            Firefighters on Carrow Ridge made their first real progress on Monday as the wind eased and the humidity rose.
            Bulldozers cut a firebreak six kilometres long along the ridge overnight, and crews lit controlled burns to starve
            the fire of fuel ahead of its path. Fire chief Dana Whitlock said the eastern flank was contained but that the
            western edge was still burning in steep, rocky ground that crews cannot reach. Helicopters dropped water scooped
            from Lake Morrow. The fire has burned 4,200 hectares and destroyed eleven homes on the edge of Pine Hollow. Two
            firefighters were treated for heat exhaustion.
            """,
            ["Local"], ["live"]),
        S("wildfire", "Smoke from the Carrow Ridge fire closes schools in Ashby",
            "Air quality in Ashby reached hazardous levels as smoke from the wildfire settled over the valley.",
            """
            All nine schools in Ashby stayed closed on Tuesday after smoke from the Carrow Ridge wildfire settled in the valley
            overnight. Air quality monitors recorded fine particle levels eight times the safe limit. The regional health
            authority advised elderly people, young children and anyone with asthma to stay indoors with windows shut and to
            avoid exercise. Pharmacies in Ashby ran out of face masks by mid-morning. Dr Farid Noor, a lung specialist at
            Ashby hospital, said wildfire smoke carries tiny particles that reach deep into the lungs. Forecasters expect a
            change of wind direction on Wednesday to blow the smoke away from the town.
            """,
            ["Health"], ["local"]),
        S("wildfire", "Why fires on Carrow Ridge are burning hotter than before",
            "Drier summers and a century of fire suppression have left the ridge's forests loaded with fuel, researchers say.",
            """
            The pine forests of Carrow Ridge used to burn in low, patchy fires every decade or two that cleared the
            undergrowth and left the big trees alive. A century of putting out every fire has let dead wood and dense young
            trees build up, says fire ecologist Dr Ines Carvalho of the provincial forestry institute. Add summers that are
            longer and drier than they were fifty years ago, and fires now climb into the treetops and burn far hotter.
            Carvalho's team measured fuel loads on the ridge last spring and found three times the dead wood of comparable
            forests that are burned on purpose. She argues for more prescribed burns in winter.
            """,
            ["Science"], ["analysis"]),
        S("wildfire", "Pine Hollow residents return to find their homes burnt",
            "Eleven families lost their houses when the Carrow Ridge fire swept through the edge of the village.",
            """
            When the evacuation order for Pine Hollow was lifted on Thursday, Sandra Okoye drove straight to Ridge Road. Where
            her house had stood there was a chimney, a blackened car and the twisted frame of a trampoline. "The fire took
            everything in twenty minutes, the firefighters told us," she said. Eleven homes on the western edge of the
            village were destroyed and dozens of sheds and fences burned. The rest of Pine Hollow was saved by crews who stayed
            in the streets as the fire front passed. The district council has opened a relief centre, and neighbours have
            raised money to help the families who lost their homes.
            """,
            ["World"], ["interview"]),
    ];

    private static readonly Story[] Recount =
    [
        S("recount", "Northfield seat goes to a recount after a 37-vote margin",
            "The returning officer ordered a full recount of the Northfield constituency after Grace Ellison finished just ahead.",
            """
            Election officials in Northfield will recount every ballot on Friday after the first count put Grace Ellison of
            the Green Alliance 37 votes ahead of sitting member Martin Hale of the Liberal Party, out of 48,000 cast. Returning
            officer Alan Pryce granted Hale's request for a recount shortly after 4am, saying the margin was too close to
            declare. The result matters beyond the constituency: the governing coalition needs Northfield to keep its majority
            in parliament. Both candidates thanked the counting staff, who had worked through the night. Ellison said she was
            confident the result would stand. Hale said he simply wanted every vote checked.
            """,
            ["Politics"], ["breaking"]),
        S("recount", "Ballot papers checked by hand as the Northfield recount begins",
            "Ninety counting staff are re-examining 48,000 ballots in the Northfield leisure centre, watched by both campaigns.",
            """
            The recount in Northfield began at 9am on Friday in the main hall of the town's leisure centre, where ninety
            counting staff sat at long tables sorting ballot papers into piles for each candidate. Agents for Grace Ellison and
            Martin Hale walked between the tables, watching for papers that might be spoiled or misread. Doubtful ballots,
            such as those with two marks or a name written in, were set aside for returning officer Alan Pryce to rule on in
            front of both candidates. By lunchtime about half of the votes had been counted again. Officials expect a result
            late in the evening.
            """,
            ["Local"], ["live"]),
        S("recount", "Grace Ellison wins Northfield by 12 votes after the recount",
            "The recount narrowed Ellison's lead but confirmed her victory, costing the governing coalition its majority.",
            """
            Grace Ellison was declared the member of parliament for Northfield shortly before midnight on Friday after a recount
            cut her lead over Martin Hale from 37 votes to 12. Returning officer Alan Pryce rejected 31 disputed ballots, most
            of them marked for more than one candidate. Ellison, a former primary school head teacher, becomes the Green
            Alliance's first member for the constituency. Her win means the governing coalition loses its majority in
            parliament and will need the support of smaller parties to pass its budget. Hale congratulated her but said he
            would study the rejected ballots with his lawyers before deciding whether to accept the result.
            """,
            ["Politics", "Local"], ["local"]),
        S("recount", "Martin Hale to challenge the Northfield result in court",
            "The defeated candidate will ask the electoral court to examine ballots rejected during the Northfield recount.",
            """
            Martin Hale, who lost the Northfield seat by 12 votes after a recount, said on Monday he would ask the electoral
            court to examine 31 ballots rejected by the returning officer. Hale's lawyers argue that at least 15 of them show
            a clear intention to vote for him despite stray marks. An election petition must be filed within 21 days of the
            result. Electoral law specialists say courts rarely overturn results but have done so when the margin is smaller
            than the number of disputed votes. Grace Ellison said she respected Hale's right to go to court and would carry on
            serving Northfield in the meantime.
            """,
            ["Politics"], ["analysis"]),
        S("recount", "What the Northfield recount tells us about spoiled ballots",
            "Dozens of Northfield voters lost their say through stray marks, and electoral reformers want clearer ballot papers.",
            """
            The recount in Northfield turned on a handful of ballot papers. Of the 31 that the returning officer rejected,
            most carried a cross next to one candidate and a tick or a scribble next to another. Electoral reform groups say
            the design of ballot papers is partly to blame: the boxes on Northfield's paper were small and close together.
            The electoral commission recorded about 0.4% of ballots rejected across the country at the last general election,
            enough to decide several close seats. Reformers want larger boxes, clearer instructions in polling stations and a
            rule that counts any paper where the voter's intention is obvious.
            """,
            ["World"], ["explainer", "analysis"]),
    ];
}
