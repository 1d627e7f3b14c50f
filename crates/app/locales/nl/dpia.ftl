# De DPIA-screening (AVG art. 35): is een gegevensbeschermingseffectbeoordeling verplicht?

## Uitkomst
dpia.outcome.required = Een DPIA is verplicht. Voer die uit voordat de verwerking begint.
dpia.outcome.not_required = Een DPIA is niet verplicht. Leg deze screening met de redenen vast en herhaal haar als de verwerking verandert.

## Bronnen
dpia.source.ap_list_item = AP-lijst, punt { $number }
dpia.source.ap_list = AP-lijst verplichte DPIA (Stcrt. 2019, 64418)
dpia.source.art35_case = AVG art. 35 lid 3 sub { $letter }
dpia.source.art35 = AVG art. 35 lid 3
dpia.source.wp248_criterion = WP248, criterium { $number }
dpia.source.wp248 = WP248, twee of meer criteria
dpia.source.regulation = Privacyreglement, §3.5.1

## AP-lijst (Besluit lijst verwerkingen DPIA verplicht, Stcrt. 2019, 64418)
dpia.ap.covert_investigation = Heimelijk onderzoek: mensen worden bekeken of onderzocht zonder dat ze het vooraf weten. Dat staat op de AP-lijst.
dpia.ap.blacklists = Zwarte lijst: strafrechtelijke gegevens of gegevens over (hinderlijk) gedrag worden gebruikt om mensen te weren of gedeeld met anderen.
dpia.ap.fraud_control = Fraudebestrijding: grootschalige of stelselmatige verwerking om fraude op te sporen.
dpia.ap.credit_scores = Kredietwaardigheid: financiële gegevens worden gebruikt om mensen te beoordelen of te scoren.
dpia.ap.financial_situation = Financiële situatie: op grote schaal financiële gegevens waaruit inkomen, vermogen of bestedingen zijn af te leiden.
dpia.ap.genetic_data = Genetische gegevens op grote schaal of stelselmatig.
dpia.ap.health_data = Gezondheidsgegevens op grote schaal, zoals de ondersteunings- en zorggegevens van alle leerlingen van een bestuur.
dpia.ap.partnerships = Samenwerkingsverband: bijzondere of gevoelige gegevens worden uitgewisseld met partners (gemeente, jeugdhulp, samenwerkingsverband).
dpia.ap.camera_surveillance = Cameratoezicht op een openbaar toegankelijke plek: stelselmatig volgen van iedereen die daar komt.
dpia.ap.flexible_cameras = Flexibel cameratoezicht: camera's die meebewegen (bodycam, drone), met de plek waar ze filmen.
dpia.ap.employee_monitoring = Controle van medewerkers: e-mail, internetgebruik, verblijfplaats of werk worden gevolgd.
dpia.ap.location_data = Locatiegegevens: waar mensen zijn wordt gevolgd of op grote schaal verwerkt.
dpia.ap.communication_data = Communicatiegegevens (ook wie met wie contact had en wanneer) op grote schaal of om mensen te controleren.
dpia.ap.internet_of_things = Internet of things: gegevens van apparaten die met internet verbonden zijn.
dpia.ap.profiling = Profilering: persoonlijke aspecten worden stelselmatig beoordeeld, bijvoorbeeld de prestaties van leerlingen.
dpia.ap.behaviour_observation = Gedrag wordt geobserveerd om het te beïnvloeden (bijvoorbeeld volgen van online gedrag, sturen of marketing).
dpia.ap.biometric_data = Biometrische gegevens (vingerafdruk, gezicht, stem) om mensen te herkennen.
dpia.ap.none = Geen van de 17 soorten verwerking van de AP-lijst is van toepassing. Let op: deze screening vraagt niet naar fraudebestrijding (punt 3), genetische gegevens (punt 6) en apparaten die met internet verbonden zijn (punt 14). Speelt een daarvan, dan is een DPIA verplicht.

## AVG art. 35 lid 3
dpia.art35.evaluation_with_decisions = Stelselmatige en uitgebreide beoordeling van personen (profilering) waarop een computer besluiten neemt met rechtsgevolg of een vergelijkbaar groot effect.
dpia.art35.large_scale_special = Bijzondere persoonsgegevens (gezondheid, biometrie, godsdienst, etniciteit) of strafrechtelijke gegevens op grote schaal.
dpia.art35.public_monitoring = Stelselmatig en op grote schaal volgen van mensen in een openbaar toegankelijk gebied.
dpia.art35.none = Geen van de drie gevallen van AVG art. 35 lid 3 (profilering met besluiten, bijzondere gegevens op grote schaal, grootschalig volgen in openbaar gebied) is van toepassing.

## Privacyreglement van het bestuur
dpia.regulation.new_technology = Er wordt nieuwe technologie gebruikt (AI, nieuwe analyses of monitoring). Het privacyreglement (§3.5.1) maakt een DPIA dan verplicht.

## WP248: de negen criteria
dpia.wp248.evaluation_scoring = Beoordelen of scoren: prestaties of gedrag worden beoordeeld, gerangschikt of voorspeld.
dpia.wp248.evaluation_scoring.absent = Niet van toepassing: mensen worden niet beoordeeld, gescoord of geprofileerd.
dpia.wp248.automated_decision = Geautomatiseerde besluiten met rechtsgevolg of een vergelijkbaar groot effect.
dpia.wp248.automated_decision.absent = Niet van toepassing: er worden geen besluiten genomen zonder dat een mens ze afweegt.
dpia.wp248.systematic_monitoring = Stelselmatig volgen: met camera's, controle van medewerkers, locatie of zonder dat mensen het weten.
dpia.wp248.systematic_monitoring.absent = Niet van toepassing: mensen worden niet stelselmatig gevolgd.
dpia.wp248.sensitive_data = Gevoelige of zeer persoonlijke gegevens: bijzondere of strafrechtelijke gegevens, ondersteuningsbehoefte, gedrag, financiën, locatie of communicatie.
dpia.wp248.sensitive_data.absent = Niet van toepassing: geen bijzondere, strafrechtelijke of zeer persoonlijke gegevens. Het BSN telt hier niet mee: het gebruik ervan is wettelijk beperkt, maar het zegt niets persoonlijks over iemand.
dpia.wp248.large_scale = Grote schaal: zo beantwoord.
dpia.wp248.large_scale.counted = Grote schaal: { $count } betrokkenen; vanaf { $threshold } is dat grote schaal (ongeveer alle leerlingen van een bestuur).
dpia.wp248.large_scale.explicit_no = Niet van toepassing: volgens het antwoord is dit geen grote schaal.
dpia.wp248.large_scale.below = Niet van toepassing: { $count } betrokkenen is minder dan { $threshold }, de grens voor grote schaal.
dpia.wp248.large_scale.unknown = Niet beoordeeld: het aantal betrokkenen is niet opgegeven, daarom is uitgegaan van geen grote schaal. Vul het aantal in; vanaf { $threshold } is het grote schaal.
dpia.wp248.combining_datasets = Gegevens uit verschillende bronnen of voor verschillende doelen worden gekoppeld of gecombineerd.
dpia.wp248.combining_datasets.absent = Niet van toepassing: er worden geen gegevensbestanden gekoppeld.
dpia.wp248.vulnerable_subjects = Kwetsbare betrokkenen: kinderen (leerlingen), of medewerkers en sollicitanten tegenover hun (toekomstige) werkgever.
dpia.wp248.vulnerable_subjects.absent = Niet van toepassing: geen kinderen, medewerkers of sollicitanten.
dpia.wp248.new_technology = Innovatief gebruik of nieuwe technologie, zoals AI of gezichts- en vingerafdrukherkenning.
dpia.wp248.new_technology.absent = Niet van toepassing: geen nieuwe technologie of nieuw gebruik ervan.
dpia.wp248.blocks_service = De uitkomst kan iemand een recht, dienst of overeenkomst onthouden.
dpia.wp248.blocks_service.absent = Niet van toepassing: niemand wordt hierdoor een recht of dienst onthouden.
dpia.wp248.count.none = Geen van de negen criteria van WP248 is van toepassing.
dpia.wp248.count.one = Eén van de negen criteria van WP248 is van toepassing; pas vanaf twee is een DPIA in de regel verplicht. Leg vast waarom het risico toch beperkt is.
dpia.wp248.count.two_or_more = { $criteria } van de negen criteria van WP248 zijn van toepassing; vanaf twee is een DPIA in de regel verplicht.

## Fouten
dpia.subjects_required = Kies van wie de gegevens zijn.
dpia.data_required = Kies welke gegevens worden verwerkt.
dpia.count_zero = Het aantal betrokkenen is minstens 1; laat het leeg als u het niet weet.
dpia.technique_unknown = Deze techniek kennen we niet.

## Technieken op het formulier
dpia.technique.scoring_performance = Prestaties of gedrag beoordelen of scoren
dpia.technique_help.scoring_performance = Bijvoorbeeld een leerlingvolgsysteem dat signaleert, of een leerprogramma dat voorspelt hoe een leerling het gaat doen.
dpia.technique.automated_decision = Automatische besluiten
dpia.technique_help.automated_decision = De computer beslist iets belangrijks zonder dat een mens het afweegt, zoals plaatsing in een groep of toelating.
dpia.technique.camera_public_area = Camera's op een openbaar toegankelijke plek
dpia.technique_help.camera_public_area = Bij de ingang, op het schoolplein of op straat: iedereen die er komt, wordt gefilmd.
dpia.technique.staff_monitoring = Medewerkers controleren
dpia.technique_help.staff_monitoring = E-mail, internetgebruik, verblijfplaats of werk van medewerkers wordt gevolgd.
dpia.technique.covert = Heimelijk
dpia.technique_help.covert = Mensen worden bekeken of onderzocht zonder dat ze het vooraf weten.
dpia.technique.combining_datasets = Gegevens koppelen
dpia.technique_help.combining_datasets = Bestanden uit verschillende systemen of van verschillende organisaties worden gecombineerd.
dpia.technique.new_technology = Nieuwe technologie
dpia.technique_help.new_technology = AI, slimme apparaten, nieuwe analyses of een nieuw gebruik van bestaande techniek.
dpia.technique.partnership_exchange = Uitwisselen met partners
dpia.technique_help.partnership_exchange = Gegevens gaan naar of komen van de gemeente, jeugdhulp of het samenwerkingsverband.
dpia.technique.biometric_identification = Herkennen aan lichaamskenmerken
dpia.technique_help.biometric_identification = Vingerafdruk, gezicht of stem om iemand te herkennen, bijvoorbeeld om een deur te openen.
dpia.technique.location_tracking = Locatie volgen
dpia.technique_help.location_tracking = Waar iemand is wordt bijgehouden, met gps, wifi of een app.
dpia.technique.behaviour_influencing = Gedrag volgen om het te beïnvloeden
dpia.technique_help.behaviour_influencing = Bijvoorbeeld online gedrag volgen voor advertenties, of meldingen die gedrag sturen.
dpia.technique.blocks_service = Kan iemand iets onthouden
dpia.technique_help.blocks_service = De uitkomst kan ertoe leiden dat iemand een recht, dienst of overeenkomst niet krijgt.

## De pagina
dpia.page.title = DPIA-screening
dpia.page.intro = Beantwoord de vragen over een verwerking of een nieuw programma. U ziet of een DPIA verplicht is en waarom. Er wordt niets opgeslagen.
dpia.page.who = Van wie zijn de gegevens?
dpia.page.data = Welke gegevens?
dpia.page.how_many = Hoeveel mensen, ongeveer?
dpia.page.how_many_help = Vanaf { $threshold } mensen is het grote schaal (ongeveer alle leerlingen van een bestuur). Laat leeg als u het niet weet.
dpia.page.large_scale = Is het grote schaal?
dpia.page.large_scale_count = Reken het uit met het aantal
dpia.page.large_scale_yes = Ja, grote schaal
dpia.page.large_scale_no = Nee, geen grote schaal
dpia.page.techniques = Wat doet de verwerking?
dpia.page.techniques_help = Vink aan wat van toepassing is; niets aanvinken mag.
dpia.page.submit = Beoordeel
dpia.page.result = Uitkomst
dpia.page.reasons = Redenen
dpia.page.reasons_label = Redenen van de uitkomst
dpia.page.column_source = Bron
dpia.page.column_applies = Van toepassing
dpia.page.column_reason = Toelichting
dpia.page.yes = ja
dpia.page.no = nee
dpia.page.count_invalid = Vul een heel getal vanaf 1 in, of laat het leeg.
dpia.page.code_unknown = Deze keuze kennen we niet: { $code }
dpia.page.link = DPIA-screening: is voor een verwerking een DPIA verplicht?
dpia.dashboard_link = Wilt u een nieuwe app of website met leerlingen gebruiken? Kijk eerst of er een DPIA nodig is.
