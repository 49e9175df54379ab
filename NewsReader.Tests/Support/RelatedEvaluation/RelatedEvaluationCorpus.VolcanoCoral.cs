namespace NewsReader.Tests.Support.RelatedEvaluation;

public static partial class RelatedEvaluationCorpus
{
    private static readonly Story[] Volcano =
    [
        S("volcano", "Mount Orrin erupts, sending ash over Kelda",
            "The volcano on Kelda's northern coast erupted before dawn on Tuesday, forcing 4,000 people from villages on its slopes.",
            """
            Mount Orrin, silent for more than a century, erupted at 4.12am on Tuesday with a blast heard in Port Aslan, 30
            kilometres away. A column of ash rose eight kilometres into the sky and drifted south over the island. Police
            closed the coast road and buses carried residents of Harran, Lusk and Tolbeck to shelters in the capital. The
            Kelda Volcano Observatory raised its alert to red, its highest level, and warned that fresh explosions could
            follow. No injuries had been reported by midday, although a farmhouse near the crater was hit by falling rock.
            Island premier Anneke Voss said the evacuation had gone "as well as anyone could hope" and asked people not to
            drive towards the mountain to take pictures.
            """,
            ["Science", "World"], ["breaking"]),
        S("volcano", "Ash cloud from Mount Orrin grounds flights across the region",
            "Airlines cancelled more than 300 flights as ash from the Kelda eruption drifted over the main air corridors.",
            """
            Kelda International Airport closed on Tuesday afternoon and stayed shut on Wednesday as ash from Mount Orrin
            spread over the southern sea lanes. Air traffic controllers rerouted long-haul traffic, but regional carriers
            cancelled more than 300 flights, stranding an estimated 20,000 passengers. Volcanic ash can melt inside jet
            engines, and the aviation authority said planes would stay on the ground until satellite images showed the
            cloud thinning. Hotels in Port Aslan reported full bookings. Tour operators said losses could run into the
            millions if the eruption continued into the holiday season, and the island's tourism board asked visitors to
            check with their airline before travelling to the airport.
            """,
            ["Economy"], ["live", "analysis"]),
        S("volcano", "Kelda observatory saw the tremors build for weeks",
            "Seismometers around Mount Orrin recorded a swarm of small earthquakes and rising gas levels long before the eruption.",
            """
            Dr Maren Solberg, who leads the Kelda Volcano Observatory, said her team had tracked magma rising beneath Mount
            Orrin since early September. Seismometers on the crater rim picked up hundreds of shallow tremors a day, and
            sulphur dioxide readings near the summit vents doubled within a fortnight. "The volcano was telling us it was
            waking up," Solberg said. "What no instrument can tell you is the day." The observatory advised the island
            government to prepare evacuation plans three weeks ago. Satellite radar also showed the northern flank of the
            mountain bulging by several centimetres, a sign of magma pushing up into the volcano's old conduit.
            """,
            ["Science"], ["interview"]),
        S("volcano", "Evacuees from Orrin's slopes wait in school halls for news of their farms",
            "Families from Harran and Lusk say they left cattle and crops behind when the volcano on Kelda erupted.",
            """
            In a school gymnasium in Port Aslan, Eduardo Ferrant keeps checking his phone for pictures of his farm on the
            slopes of Mount Orrin. He left 60 goats behind when police knocked at 5am. "We heard the mountain roar and then
            the sky turned black," he said. About 900 evacuees are sleeping in school halls across the island, with volunteers
            serving meals and the Red Cross handing out blankets and masks against the ash. Civil protection officers have
            let a few farmers back into the lower villages under escort to feed animals. Lava has not reached Harran, but grey
            ash lies ankle-deep on its fields and many roofs are sagging under its weight.
            """,
            ["Local"], ["local"]),
        S("volcano", "Why Mount Orrin's eruption could last for months",
            "Volcanologists say the lava dome growing in Orrin's crater resembles the start of the long 1911 eruption on Kelda.",
            """
            The last time Mount Orrin erupted, in 1911, it kept spilling lava and ash for fourteen months. Volcanologists on
            Kelda fear a repeat. A lava dome of sticky magma is growing in the crater and could collapse, sending pyroclastic
            flows of hot gas and rock down the northern valleys. Dr Maren Solberg of the observatory said the volcano's
            behaviour "could settle in weeks or drag on into next year". Much depends on how much magma is left in the
            chamber beneath the island. For now the exclusion zone around the crater stays at ten kilometres, and the
            observatory publishes daily maps of where the ash is expected to fall.
            """,
            ["Science"], ["analysis", "explainer"]),
    ];

    private static readonly Story[] Coral =
    [
        S("coral", "Tamsin Reef suffers its worst bleaching on record",
            "Surveys show that nearly two thirds of the coral on Tamsin Reef turned white during this summer's marine heatwave.",
            """
            Nearly two thirds of the coral on Tamsin Reef has bleached after sea temperatures stayed more than two degrees
            above normal for eight weeks, marine scientists said on Thursday. Aerial surveys by the Coral Coast Marine Park
            authority covered 400 individual reefs from Wyndham Bay to the Ormond Islands. Bleaching happens when stressed
            corals expel the algae living in their tissue, which give them colour and most of their food. Corals can recover
            if the water cools quickly, but long heatwaves kill them. The park authority said it was the fourth mass bleaching
            on Tamsin Reef in ten years and the most severe since records began in 1998.
            """,
            ["Science"], ["analysis"]),
        S("coral", "Divers count dead coral off Wyndham Bay",
            "Volunteer divers from Wyndham Bay spent the weekend surveying bleached coral on the inner Tamsin Reef.",
            """
            Forty volunteer divers from the Wyndham Bay dive club spent Saturday and Sunday underwater with clipboards and
            tape measures, recording bleached and dead coral along the inner edge of Tamsin Reef. Club secretary Lena Hoffer
            said staghorn corals near the harbour mouth were the worst hit, many already furred with brown algae that grows on
            dead skeletons. Brain corals in deeper water had held more of their colour. The divers' records go to the marine
            park, which uses them to check what its aerial surveys see from above. "It's heartbreaking to swim over reefs you
            have known for twenty years and see them white," Hoffer said.
            """,
            ["Local"], ["local"]),
        S("coral", "Dive operators on the Coral Coast fear a lost season",
            "Tourism businesses that depend on Tamsin Reef say bookings have fallen since pictures of bleached coral spread online.",
            """
            Dive shops and boat operators along the Coral Coast say cancellations have risen sharply since images of bleached
            coral on Tamsin Reef spread on social media. Marco Delane, who runs three dive boats out of Wyndham Bay, said
            bookings for the coming season were down by a third. Reef tourism brings about 600 million a year to the coast and
            employs 9,000 people, according to the regional tourism council. Operators are steering snorkellers to outer reefs
            where the coral kept its colour, and the marine park has asked visitors not to touch or stand on stressed corals.
            Some businesses want a government loan scheme to see them through.
            """,
            ["Economy"], ["analysis"]),
        S("coral", "Ayo Mensah: 'the reef can recover if the water cools'",
            "The marine biologist who has studied Tamsin Reef for two decades explains what bleaching does to a coral colony.",
            """
            Dr Ayo Mensah has dived on Tamsin Reef every year since 2004. Bleached coral is not dead coral, she says: a colony
            that has lost its algae is starving, but if sea temperatures fall within a few weeks the algae can return. "The
            question is how often we ask the reef to bounce back," Mensah said at the marine research station on Ormond Island.
            Her team tags individual colonies and photographs them each month, and they have found that some corals survive
            heat that kills their neighbours. She hopes those hardy strains can be bred in nurseries and planted back on the
            reef. "Recovery takes ten to fifteen years. The heatwaves now come every three or four."
            """,
            ["Science"], ["interview"]),
        S("coral", "Coral nurseries planted in Tamsin lagoon after bleaching",
            "Marine park rangers are growing heat-tolerant coral on underwater frames to replant damaged parts of Tamsin Reef.",
            """
            Rangers from the Coral Coast Marine Park have installed sixty steel frames in the lagoon behind Tamsin Reef, each
            hung with fragments of coral taken from colonies that survived this year's bleaching. The fragments grow on the
            frames for about a year before divers fix them to damaged reef with a marine epoxy. Dr Ayo Mensah, who advises the
            project, said nurseries could only ever restore small patches and were no substitute for cooler oceans. The
            frames sit in water four metres deep near Wyndham Bay, where schoolchildren will help monitor them. The park hopes
            to plant 20,000 coral fragments over the next three years.
            """,
            ["World"], ["explainer", "local"]),
    ];
}
