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

## De DPIA zelf (AVG art. 35 lid 7; Model DPIA Rijksdienst)
dpia.paragraph_unknown = Dit onderdeel van de DPIA bestaat niet. Kies een van de 17 punten van het Model DPIA.
dpia.kind_unknown = Kies een eigen DPIA of een centrale DPIA.
dpia.status_unknown = Deze status van een DPIA bestaat niet.
dpia.level_invalid = Kies 1, 2, 3 of 4.
dpia.risk_level_unknown = Dit risiconiveau bestaat niet.

dpia.record.kind.local = Eigen DPIA (Model DPIA)
dpia.record.kind.central = Centrale DPIA met eigen bevindingen
dpia.record.status.draft = Concept
dpia.record.status.approved = Vastgesteld
dpia.record.status.review_required = Herbeoordeling nodig
dpia.record.level.low = laag
dpia.record.level.medium = midden
dpia.record.level.high = hoog

dpia.record.one_subject = Kies een verwerking uit het register óf vul een product in, niet allebei.
dpia.record.subject_required = Kies de verwerking uit het register waar de DPIA over gaat, of vul het product in.
dpia.record.activity_unknown = Deze verwerking staat niet in uw register. Kies een verwerking uit de lijst.
dpia.record.activity_fixed = Een DPIA blijft over dezelfde verwerking gaan. Begin een nieuwe DPIA voor een andere verwerking.
dpia.record.screening_unknown = Deze screening is niet gevonden. Kies een opgeslagen screening of laat het veld leeg.
dpia.record.too_long = Deze tekst is te lang. Maak hem korter.
dpia.record.text_required = Vul dit in.
dpia.record.url_invalid = Vul een webadres in dat begint met https:// of http://.
dpia.record.date_in_future = Deze datum ligt in de toekomst. Vul de datum in waarop het gebeurde.
dpia.record.title_used = Er is al een DPIA met deze titel. Kies een andere titel.
dpia.record.approved_locked = Deze DPIA is vastgesteld en kan niet meer worden gewijzigd. Vraag eerst een herbeoordeling aan.
dpia.record.approved_already = Deze DPIA is al vastgesteld.
dpia.record.changed_meanwhile = De DPIA is intussen gewijzigd. Lees de nieuwe tekst en stel hem dan vast.
dpia.record.not_approved = Alleen een vastgestelde DPIA kan opnieuw worden beoordeeld.
dpia.record.reopened_register = Het register is gewijzigd: { $fields }.
dpia.record.reopened_manual = Herbeoordeling gevraagd: { $note }

dpia.record.field.title = Titel
dpia.record.field.activity_id = Verwerking
dpia.record.field.product = Product
dpia.record.field.screening_id = Screening
dpia.record.field.central_publisher = Opgesteld door
dpia.record.field.central_title = Titel van de centrale DPIA
dpia.record.field.central_url = Webadres van de centrale DPIA
dpia.record.field.central_version = Versie
dpia.record.field.subjects_views = Mening van de betrokkenen
dpia.record.field.subjects_not_asked = Waarom de betrokkenen niet zijn gevraagd
dpia.record.field.advice_response = Wat er met het advies van de FG is gedaan
dpia.record.field.prior_consultation = Voorafgaande raadpleging van de AP
dpia.record.field.advice = Advies
dpia.record.field.decision = Besluit
dpia.record.field.approved_on = Datum van vaststelling
dpia.record.field.note = Reden

## Wat nog ontbreekt voor vaststelling
dpia.block.proposal = Beschrijf bij punt 1 (Voorstel) wat de verwerking is en waarom u haar wilt (AVG art. 35 lid 7 sub a).
dpia.block.necessity = Beschrijf bij punt 14 waarom de verwerking nodig en in verhouding is (AVG art. 35 lid 7 sub b).
dpia.block.risks = Beschrijf de risico's voor de betrokkenen, met ernst en kans (AVG art. 35 lid 7 sub c).
dpia.block.measures = Een risico met ernst of kans 3 of 4 heeft nog geen maatregelen (AVG art. 35 lid 7 sub d).
dpia.block.central_reference = Vul de centrale DPIA in: wie hem schreef, de titel, het webadres en de versie.
dpia.block.central_findings = Schrijf minstens één eigen bevinding bij de centrale DPIA: geldt dit voor ons, en waarom.
dpia.block.fg_advice = De FG heeft nog geen advies gegeven (AVG art. 35 lid 2).
dpia.block.advice_response = Schrijf op wat er met het advies van de FG is gedaan.
dpia.block.views = Schrijf de mening van de betrokkenen op, of waarom u hen niet heeft gevraagd (AVG art. 35 lid 9).
dpia.block.prior_consultation = Er blijft een hoog risico over. Raadpleeg eerst de Autoriteit Persoonsgegevens en vul de datum in (AVG art. 36).

## De 17 punten van het Model DPIA
dpia.paragraph.proposal = Voorstel
dpia.paragraph.personal_data = Persoonsgegevens
dpia.paragraph.processing = Gegevensverwerking
dpia.paragraph.technology = Techniek en methoden
dpia.paragraph.purposes = Doelen
dpia.paragraph.parties = Betrokken partijen
dpia.paragraph.interests = Belangen
dpia.paragraph.locations = Verwerkingslocaties
dpia.paragraph.legal_framework = Wetten en beleid
dpia.paragraph.retention = Bewaartermijnen
dpia.paragraph.legal_basis = Rechtsgrond
dpia.paragraph.special_categories = Bijzondere persoonsgegevens
dpia.paragraph.purpose_limitation = Doelbinding
dpia.paragraph.necessity = Noodzaak en evenredigheid
dpia.paragraph.data_subject_rights = Rechten van de betrokkenen
dpia.paragraph.risks = Risico's voor de betrokkenen
dpia.paragraph.measures = Maatregelen
dpia.paragraph_help.proposal = Wat wilt u gaan doen, met welk systeem, en waarom?
dpia.paragraph_help.personal_data = Van wie verwerkt u gegevens, en welke? Dit komt uit het register.
dpia.paragraph_help.processing = Wat gebeurt er met de gegevens: verzamelen, bekijken, delen, bewaren?
dpia.paragraph_help.technology = Welke techniek gebruikt u (app, cloud, AI, camera) en hoe werkt die?
dpia.paragraph_help.purposes = Waarvoor gebruikt u de gegevens? Dit komt uit het register.
dpia.paragraph_help.parties = Wie werkt mee en wie krijgt de gegevens? Dit komt uit het register.
dpia.paragraph_help.interests = Welk belang hebben de school, de leerlingen en de ouders bij deze verwerking?
dpia.paragraph_help.locations = Waar staan de gegevens, en gaan ze buiten de EER? Dit komt uit het register.
dpia.paragraph_help.legal_framework = Welke wetten en welk beleid van het bestuur gelden hier?
dpia.paragraph_help.retention = Hoe lang bewaart u de gegevens? Dit komt uit het register.
dpia.paragraph_help.legal_basis = Op welke grond mag u de gegevens verwerken? Dit komt uit het register.
dpia.paragraph_help.special_categories = Verwerkt u bijzondere gegevens, zoals over gezondheid? Dit komt uit het register.
dpia.paragraph_help.purpose_limitation = Gebruikt u de gegevens alleen voor het doel waarvoor u ze kreeg?
dpia.paragraph_help.necessity = Is de verwerking echt nodig? Kan het met minder gegevens of op een andere manier?
dpia.paragraph_help.data_subject_rights = Hoe kunnen ouders en leerlingen hun rechten gebruiken: inzage, correctie, verwijdering, bezwaar?
dpia.paragraph_help.risks = Wat kan er misgaan voor de mensen om wie het gaat? Geef ernst en kans van 1 tot 4.
dpia.paragraph_help.measures = Wat doet u tegen elk risico? Dit staat bij de risico's.

## Berichten
dpia.mail.advice_subject = Advies van de FG over DPIA { $title }
dpia.mail.advice_body = De FG heeft advies gegeven over de DPIA "{ $title }". Schrijf op wat u met het advies doet en leg de DPIA daarna voor aan het bestuur: { $link }
dpia.mail.approved_subject = DPIA { $title } is vastgesteld
dpia.mail.approved_body = Het bestuur heeft de DPIA "{ $title }" vastgesteld. Over drie jaar moet hij opnieuw worden beoordeeld, of eerder als de verwerking verandert: { $link }
dpia.mail.review_subject = DPIA { $title } opnieuw beoordelen
dpia.mail.review_body = Voor de DPIA "{ $title }" is een herbeoordeling gevraagd: { $link }
dpia.mail.register_changed_body = De verwerking van de DPIA "{ $title }" is in het register gewijzigd ({ $fields }). Beoordeel de DPIA opnieuw: { $link }

## De DPIA als PDF
dpia.pdf.yes = Ja
dpia.pdf.no = Nee
dpia.pdf.none = geen
dpia.pdf.empty = Niet ingevuld.
dpia.pdf.about = Over deze DPIA
dpia.pdf.kind = Soort
dpia.pdf.activity = Verwerking in het register
dpia.pdf.product = Product
dpia.pdf.screening = Uitkomst van de screening
dpia.pdf.central = Centrale DPIA
dpia.pdf.publisher = Opgesteld door
dpia.pdf.central_title = Titel
dpia.pdf.version = Versie
dpia.pdf.url = Webadres
dpia.pdf.risk = Risico { $n }
dpia.pdf.risk_value = { $description }. Ernst { $severity }, kans { $likelihood } ({ $level }). Maatregelen: { $measures }. Restrisico: { $residual }.
dpia.pdf.people = Betrokkenen en de AP
dpia.pdf.views = Mening van de betrokkenen
dpia.pdf.not_asked = Niet gevraagd, omdat
dpia.pdf.consulted = AP geraadpleegd op
dpia.pdf.advice = Advies van de FG
dpia.pdf.fg_advice = Advies
dpia.pdf.fg_advice_by = Gegeven door
dpia.pdf.advice_response = Wat ermee is gedaan
dpia.pdf.approved_line = Versie { $version }, vastgesteld op { $date } door { $by } ({ $decision }). Controlegetal (SHA-256): { $hash }
dpia.pdf.draft_line = Concept van { $date }. Deze DPIA is nog niet vastgesteld.

## De pagina's van de DPIA
nav.dpia = DPIA's
dpia.list.title = DPIA's
dpia.list.intro = Een DPIA beschrijft de risico's van een verwerking voor de mensen om wie het gaat, en wat u ertegen doet. Het register vult de feiten in; u schrijft de rest. De FG geeft advies, het bestuur stelt de DPIA vast.
dpia.list.screening_link = Eerst screenen: is een DPIA verplicht?
dpia.list.requests_link = Aanvragen van leerkrachten voor nieuwe programma's
dpia.list.missing = Nog een DPIA nodig
dpia.list.missing_hint = Uit de screening van deze verwerkingen blijkt dat een DPIA verplicht is, maar er is er nog geen.
dpia.list.start_for = Begin de DPIA
dpia.list.all = Alle DPIA's
dpia.list.none = Er zijn nog geen DPIA's.
dpia.list.about = Over
dpia.list.status = Status
dpia.list.review_due = Opnieuw beoordelen vóór
dpia.list.attention = nu aan de beurt
dpia.list.new = Nieuwe DPIA
dpia.list.no_activity = Geen verwerking uit het register (vul het product in)
dpia.list.product = Of: welk product of programma?
dpia.list.product_hint = Alleen als de verwerking nog niet in het register staat.
dpia.list.kind = Soort DPIA
dpia.list.create = Begin de DPIA
dpia.list.dashboard_title = DPIA's aan de beurt
dpia.list.dashboard_none = Geen DPIA is toe aan herbeoordeling.
dpia.list.dashboard_link = DPIA's die opnieuw beoordeeld of nog gemaakt moeten worden
dpia.page.back = Terug naar de DPIA's
dpia.page.approved_on = vastgesteld op
dpia.page.review_due = opnieuw beoordelen vóór
dpia.page.pdf = Download als PDF
dpia.page.overdue = De termijn van drie jaar is voorbij. Beoordeel de DPIA opnieuw.
dpia.page.review_required = Deze DPIA moet opnieuw worden beoordeeld:
dpia.page.screening = Screening
dpia.page.blockers = Nog nodig voordat het bestuur de DPIA kan vaststellen
dpia.page.central = De centrale DPIA
dpia.page.findings = Onze eigen bevindingen
dpia.page.findings_hint = Geldt wat de centrale DPIA zegt ook voor ons? Schrijf per punt op: ja of nee, en waarom.
dpia.page.finding = Bevinding
dpia.page.finding_topic = Onderwerp
dpia.page.finding_applies = Geldt dit voor ons?
dpia.page.finding_why = Waarom
dpia.page.text = Uw tekst
dpia.page.risk = Risico
dpia.page.level = niveau
dpia.page.residual = restrisico
dpia.page.risk_description = Wat kan er misgaan voor de mensen om wie het gaat?
dpia.page.severity = Ernst (1–4)
dpia.page.likelihood = Kans (1–4)
dpia.page.residual_severity = Ernst na maatregelen
dpia.page.residual_likelihood = Kans na maatregelen
dpia.page.measures = Maatregelen
dpia.page.consult_required = Er blijft een hoog risico over. Vraag de Autoriteit Persoonsgegevens om advies voordat de verwerking begint (AVG art. 36).
dpia.page.consult_hint = Alleen nodig als er na de maatregelen een hoog risico overblijft.
dpia.page.consulted_on = Datum waarop de AP is gevraagd
dpia.page.consultation_reference = Kenmerk van de AP
dpia.page.consultation_outcome = Antwoord van de AP
dpia.page.save = Opslaan
dpia.page.no_advice = De FG heeft nog geen advies gegeven.
dpia.page.advise = Advies geven
dpia.page.approve = Vaststellen
dpia.page.decision_hint = Bijvoorbeeld: het College van Bestuur, besluit 2026-21.
dpia.page.approve_submit = DPIA vaststellen
dpia.page.reopen = Opnieuw beoordelen
dpia.page.reopen_submit = Vraag een herbeoordeling aan
dpia.page.versions = Vastgestelde versies
dpia.page.hash = Controlegetal (SHA-256)
dpia.page.date_invalid = Vul een datum in als 2026-12-03.
dpia.page.store = Bewaar deze screening
dpia.page.store_hint = Zo kunt u later laten zien waarom wel of geen DPIA nodig was. Kies de verwerking of vul het product in.
dpia.page.store_submit = Beoordeel en bewaar
dpia.page.stored = De screening is bewaard.
