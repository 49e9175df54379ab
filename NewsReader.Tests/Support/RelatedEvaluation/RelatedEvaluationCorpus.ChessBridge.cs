namespace NewsReader.Tests.Support.RelatedEvaluation;

public static partial class RelatedEvaluationCorpus
{
    private static readonly Story[] Chess =
    [
        S("chess", "Irina Petrova leads the Lindqvist Open after five rounds",
            "The grandmaster from Kazan has won four games and drawn one at the chess tournament in Valmora.",
            """
            Grandmaster Irina Petrova leads the Lindqvist Open in Valmora with 4.5 points from five rounds after a crushing win
            with the black pieces against Hungary's Gabor Szilagyi on Wednesday. Petrova sacrificed a knight on move 22 to
            open the white king and forced resignation twelve moves later. Half a point behind her are four players, among them
            the tournament's top seed, Daniel Ortega, and the 17-year-old local player Sam Adeyemi. The open draws 180 players
            from 34 countries to the Valmora concert hall each autumn and offers a first prize of 20,000 euros. Four rounds
            remain, with games starting at 3pm each day and broadcast live online.
            """,
            ["Sport"], ["live"]),
        S("chess", "Teenager Sam Adeyemi beats a grandmaster in Valmora",
            "The 17-year-old schoolboy outplayed top seed Daniel Ortega in a long endgame at the Lindqvist Open.",
            """
            Sam Adeyemi, a 17-year-old student at Valmora's Eastgate school, beat top seed Daniel Ortega in the sixth round of
            the Lindqvist Open on Thursday, the biggest win of his chess career. The game lasted 94 moves and nearly six hours.
            Ortega, rated 2,680, reached a rook endgame a pawn up but Adeyemi defended patiently and won after Ortega
            overpressed with little time left on his clock. Spectators in the concert hall applauded as Ortega resigned.
            Adeyemi learned the game at a library chess club in Valmora at the age of eight. The win puts him level with
            Irina Petrova at the top of the table.
            """,
            ["Culture"], ["local"]),
        S("chess", "Petrova and Adeyemi draw in the last round; Petrova takes the Lindqvist title",
            "A short draw in the final round was enough for Irina Petrova to win the open on tiebreak.",
            """
            Irina Petrova won the Lindqvist Open in Valmora on Sunday after a 28-move draw against Sam Adeyemi in the ninth and
            final round left them level on 7 points. Petrova took the title on tiebreak because her opponents had scored more
            points over the tournament. The two leaders played a sharp Sicilian Defence before repeating moves, to boos from
            part of the audience in the concert hall. Petrova, 31, said she was "too tired to take risks" after nine days of
            chess. Adeyemi earned his first grandmaster norm with a performance rating above 2,650, and took home 12,000 euros
            for second place.
            """,
            ["Sport"], ["analysis"]),
        S("chess", "How engines changed opening preparation at the Lindqvist Open",
            "Players in Valmora arrive with computer-checked opening files running twenty moves deep.",
            """
            Walk through the players' hotel in Valmora during the Lindqvist Open and you will see laptops running chess engines
            late into the night. Top players now prepare openings with programs far stronger than any human, checking
            variations twenty or thirty moves deep. Irina Petrova said she spends three hours before each game on the
            openings her opponent is likely to play. The engines have revived old lines once thought dubious and buried some
            favourite gambits. Tournament arbiters scan players with metal detectors before each round, and phones must be left
            at the door of the playing hall, to stop anyone consulting an engine during a game.
            """,
            ["Science"], ["analysis", "explainer"]),
        S("chess", "Sam Adeyemi on chess, school exams and his first grandmaster norm",
            "Valmora's new chess star says he will finish school before deciding whether to play chess for a living.",
            """
            Sam Adeyemi has final exams in the spring, and his mother wants him to study for them. "Chess can wait a few
            months," he said, laughing, at the library club in Valmora where he learned to play. The 17-year-old finished
            second at the Lindqvist Open and earned his first grandmaster norm, beating top seed Daniel Ortega on the way. He
            needs two more norms and a rating of 2,500 for the title. Adeyemi trains with a coach online three evenings a week
            and studies endgames on the bus to school. He says he admires Irina Petrova's fighting style and hopes to play her
            again.
            """,
            ["Culture"], ["interview"]),
    ];

    private static readonly Story[] Bridge =
    [
        S("bridge", "Kessel River bridge collapses in Brantwood; two drivers hurt",
            "A 60-metre span of the road bridge fell into the river during the morning rush hour on Monday.",
            """
            A section of the Kessel River bridge in Brantwood collapsed at 7.40am on Monday, dropping two cars and a delivery
            van into the water. Two drivers were pulled from the river by a rowing club crew training nearby and taken to
            hospital with injuries that are not thought to be life-threatening. The van driver climbed out unhurt. The
            60-metre concrete span between the second and third piers gave way without warning, witnesses said. Police closed
            the remaining spans and both river banks, and divers searched the water until the afternoon to make sure no one
            else was trapped. The bridge, built in 1968, carried 30,000 vehicles a day.
            """,
            ["Local"], ["breaking"]),
        S("bridge", "Inspectors warned of corrosion in the Kessel bridge two years ago",
            "An inspection report seen by reporters flagged rusting steel cables inside the bridge's concrete beams.",
            """
            Engineers who inspected the Kessel River bridge in Brantwood two years ago warned that steel tendons inside its
            concrete beams were corroding, according to a report obtained by this newspaper. The inspectors rated the bridge
            "poor" and recommended repairs within three years and a weight limit for lorries in the meantime. Neither was
            carried out. The regional roads agency said repairs had been scheduled for next spring. Opposition politicians in
            Brantwood called for the agency's director to resign and for an independent inquiry into the collapse. The transport
            ministry has ordered urgent checks on 40 bridges of the same design across the country.
            """,
            ["Politics"], ["analysis"]),
        S("bridge", "Brantwood commuters face long detours after the bridge collapse",
            "With the Kessel crossing closed, drivers face trips of up to an hour around the river to reach the town centre.",
            """
            Commuters in Brantwood spent up to an hour in traffic on Tuesday as the collapse of the Kessel River bridge forced
            drivers onto the ring road and the narrow Weir Lane crossing upstream. The council added extra buses and opened a
            temporary park-and-ride site at the football ground on the north bank. A ferry service run by the rowing club and
            the fire brigade's boats carried about 400 pedestrians across the river in the morning. Shop owners on the south
            bank said trade had dropped since the collapse. The roads agency said a temporary footbridge could be in place
            within six weeks, but a new road bridge would take at least three years.
            """,
            ["Local"], ["local"]),
        S("bridge", "Engineers explain why the Kessel bridge failed",
            "Water seeping into the concrete likely rusted the steel tendons that held the Brantwood span together.",
            """
            The Kessel River bridge was built with post-tensioned concrete: steel tendons threaded through ducts inside the
            beams and pulled tight to squeeze the concrete together. If the ducts are not completely filled with grout, water
            and road salt can seep in and rust the steel out of sight. Professor Lukas Brandt, a structural engineer at the
            Brantwood technical university, said the pattern of the collapse pointed to tendons snapping near the third pier.
            Bridges from the 1960s are especially at risk because grouting methods were poorer then. Inspectors can use
            ground radar and small holes drilled into the ducts to check the tendons.
            """,
            ["Science"], ["explainer"]),
        S("bridge", "Government pledges 90 million to replace the Kessel River crossing",
            "The transport minister promised a new bridge in Brantwood within three years and money for bridge inspections.",
            """
            Transport minister Carla Jensen announced 90 million on Thursday to replace the collapsed Kessel River bridge in
            Brantwood, saying the new crossing should open within three years. She also promised 200 million over five years
            for inspecting and repairing ageing road bridges across the country, after checks ordered since the collapse found
            serious corrosion in six other bridges. The remaining spans of the Kessel bridge will be demolished next month.
            Brantwood's mayor welcomed the money but asked for a temporary road bridge to be built sooner. Jensen said an
            independent inquiry into the collapse would report by the summer.
            """,
            ["Economy"], ["live"]),
    ];
}
