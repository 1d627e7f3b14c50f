# De privacyverklaring (AVG art. 12–14; beleid art. 15): de tekst, de controle per wetsartikel, publiceren en de openbare pagina.

## Fouten
privacy_statement.audience_unknown = kies voor wie de verklaring is: parents (ouders), pupils (leerlingen), staff (medewerkers) of applicants (sollicitanten).
privacy_statement.section_unknown = dit onderdeel van de privacyverklaring bestaat niet.
privacy_statement.not_adopted = er is nog geen vastgesteld verwerkingsregister. De privacyverklaring komt uit het vastgestelde register: laat het bestuur het register eerst vaststellen.
privacy_statement.on_format = schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-09-01.
privacy_statement.none_published = Het bestuur heeft voor deze groep nog geen privacyverklaring gepubliceerd, of er was op die dag nog geen.

## Voor wie
privacy_statement.audience.parents = ouders en verzorgers
privacy_statement.audience.pupils = leerlingen van 16 jaar en ouder
privacy_statement.audience.staff = medewerkers
privacy_statement.audience.applicants = sollicitanten
privacy_statement.title.parents = Privacyverklaring voor ouders en verzorgers
privacy_statement.title.pupils = Privacyverklaring voor leerlingen
privacy_statement.title.staff = Privacyverklaring voor medewerkers
privacy_statement.title.applicants = Privacyverklaring voor sollicitanten

## Onderdelen
privacy_statement.section.controller = Wie zijn wij?
privacy_statement.section.dpo = De functionaris voor gegevensbescherming
privacy_statement.section.purposes = Welke gegevens gebruiken wij, en waarom?
privacy_statement.section.sources = Van wie krijgen wij de gegevens?
privacy_statement.section.recipients = Wie krijgt de gegevens?
privacy_statement.section.transfers = Gaan gegevens naar landen buiten Europa?
privacy_statement.section.retention = Hoe lang bewaren wij de gegevens?
privacy_statement.section.rights = Wat zijn uw rechten?
privacy_statement.section.complaint = Een klacht indienen
privacy_statement.section.obligation = Moet u de gegevens geven?
privacy_statement.section.automated = Beslist een computer over u?
privacy_statement.section.security = Hoe beschermen wij de gegevens?

## De tekst
privacy_statement.intro = In deze verklaring leest u welke persoonsgegevens { $board } gebruikt, waarom wij dat doen en welke rechten u hebt.
privacy_statement.intro.parents = Het gaat om de gegevens van uw kind en om uw eigen gegevens als ouder of verzorger.
privacy_statement.intro.pupils = Het gaat om uw eigen gegevens als leerling. Vanaf 16 jaar beslist u zelf over uw gegevens en gebruikt u zelf uw rechten.
privacy_statement.intro.staff = Het gaat om uw gegevens als medewerker.
privacy_statement.intro.applicants = Het gaat om uw gegevens als sollicitant.
privacy_statement.controller = { $board } is verantwoordelijk voor deze gegevens. Wij zijn het bestuur van de scholen.
privacy_statement.address = Adres: { $address }
privacy_statement.kvk = KvK-nummer: { $kvk }
privacy_statement.email = E-mail: { $email }
privacy_statement.name = Naam: { $name }
privacy_statement.phone = Telefoon: { $phone }
privacy_statement.contact = Hebt u een vraag over uw gegevens? Stuur dan een e-mail naar { $email }.
privacy_statement.dpo = Wij hebben een functionaris voor gegevensbescherming (FG). De FG let erop dat wij goed en volgens de wet met persoonsgegevens omgaan. U kunt de FG ook zelf om hulp vragen.
privacy_statement.no_activities = Wij gebruiken voor deze groep geen persoonsgegevens.
privacy_statement.purposes_intro = Hieronder staat per onderwerp welke gegevens wij gebruiken, waarvoor, en waarom dat mag.
privacy_statement.activity = { $name }
privacy_statement.data = Welke gegevens: { $data }.
privacy_statement.special = Bijzondere gegevens: { $data }. Dat mag alleen met een uitzondering uit de wet: { $condition }.
privacy_statement.purpose = Waarvoor: { $purpose }. { $basis }
privacy_statement.law = De regel staat in: { $law }.
privacy_statement.interest = Ons belang: { $interest }
privacy_statement.basis.consent = Dat doen wij alleen als u toestemming geeft.
privacy_statement.basis.contract = Dat is nodig voor een overeenkomst met u.
privacy_statement.basis.legal_obligation = Dat moet van de wet.
privacy_statement.basis.vital_interests = Dat is nodig om iemands leven of gezondheid te beschermen.
privacy_statement.basis.public_task = Dat is nodig voor onze taak: goed onderwijs geven.
privacy_statement.basis.legitimate_interests = Dat mag, omdat wij er een goede reden voor hebben en uw belang niet zwaarder weegt.
privacy_statement.sources_self = Wij krijgen de gegevens van u zelf.
privacy_statement.sources_intro = De meeste gegevens krijgen wij van u zelf. Sommige gegevens krijgen wij van anderen:
privacy_statement.recipients_intro = Wij geven gegevens alleen aan anderen als dat nodig is en als het mag.
privacy_statement.recipients_internal = Binnen de school zien alleen de medewerkers die de gegevens voor hun werk nodig hebben de gegevens.
privacy_statement.processors = Wij werken met leveranciers die gegevens voor ons verwerken, bijvoorbeeld van de leerlingadministratie en van digitale leermiddelen. Met elke leverancier hebben wij een verwerkersovereenkomst. De leverancier mag de gegevens alleen gebruiken voor wat wij afspreken.
privacy_statement.processors_named = Dit zijn: { $names }.
privacy_statement.parties_intro = Deze organisaties krijgen ook gegevens van ons:
privacy_statement.other = { $name }: { $shared }. Dat mag op grond van: { $ground }.
privacy_statement.police = De politie of een rechter krijgt alleen gegevens als de wet ons dat verplicht.
privacy_statement.no_transfers = Wij sturen geen gegevens naar landen buiten de Europese Economische Ruimte (EER). De gegevens blijven in de EER.
privacy_statement.transfers_intro = Bij deze onderwerpen gaan gegevens naar een land buiten de Europese Economische Ruimte (EER). Wij zorgen dat de gegevens daar ook goed beschermd zijn:
privacy_statement.transfer = { $activity }: naar { $to }. Bescherming: { $safeguard }.
privacy_statement.safeguard_unknown = nog niet vastgelegd
privacy_statement.retention_intro = Wij bewaren gegevens niet langer dan nodig. Daarna verwijderen wij ze.
privacy_statement.retention_unknown = nog niet vastgelegd
privacy_statement.rights_intro = U hebt deze rechten:
privacy_statement.right.access = Inzage: u mag vragen welke gegevens wij van u hebben, en een kopie krijgen.
privacy_statement.right.rectification = Verbetering: kloppen de gegevens niet? Dan passen wij ze aan.
privacy_statement.right.erasure = Verwijdering: u mag vragen om gegevens te verwijderen, als wij ze niet meer nodig hebben of niet mogen hebben.
privacy_statement.right.restriction = Beperking: u mag vragen dat wij de gegevens tijdelijk niet gebruiken, bijvoorbeeld terwijl wij nakijken of ze kloppen.
privacy_statement.right.objection = Bezwaar: u mag bezwaar maken als wij gegevens gebruiken voor onze taak of ons gerechtvaardigd belang. Wij stoppen dan, tenzij wij een zwaarwegende reden hebben.
privacy_statement.right.portability = Overdracht: u mag de gegevens die u ons zelf gaf in een bestand krijgen, om aan een ander te geven.
privacy_statement.withdraw = Gaf u toestemming? Dan mag u die altijd weer intrekken. Wat wij daarvoor al met de gegevens deden, blijft wel toegestaan. Dit geldt voor: { $activities }.
privacy_statement.rights_child = Is uw kind jonger dan 16 jaar? Dan gebruikt u als ouder of verzorger deze rechten voor uw kind. Vanaf 16 jaar doet uw kind dat zelf.
privacy_statement.rights_how = Wilt u een van deze rechten gebruiken? Stuur dan een e-mail naar { $email }. Wij antwoorden binnen een maand. Soms vragen wij eerst of u kunt laten zien wie u bent.
privacy_statement.complaint = Bent u het niet eens met hoe wij met gegevens omgaan? Praat er dan eerst over met ons of met de FG. U mag ook een klacht indienen bij de Autoriteit Persoonsgegevens, via www.autoriteitpersoonsgegevens.nl.
privacy_statement.obligation_intro = Of u de gegevens moet geven, hangt af van waarom wij ze gebruiken:
privacy_statement.obligation.legal_obligation = Gegevens die de wet vraagt, moet u geven. Geeft u ze niet, dan kunnen wij niet doen wat de wet van ons vraagt, bijvoorbeeld de inschrijving afronden.
privacy_statement.obligation.contract = Gegevens voor een overeenkomst zijn nodig om de overeenkomst te sluiten en uit te voeren. Zonder die gegevens lukt dat niet.
privacy_statement.obligation.consent = Toestemming geven is vrij. Zegt u nee, dan heeft dat geen nadelige gevolgen.
privacy_statement.obligation.public_task = Gegevens voor het onderwijs hebben wij nodig. Zonder die gegevens kunnen wij het onderwijs niet goed geven.
privacy_statement.obligation.vital_interests = Gegevens om iemands leven of gezondheid te beschermen, gebruiken wij alleen in een noodgeval.
privacy_statement.obligation.legitimate_interests = Gegevens voor ons gerechtvaardigd belang hoeft u niet te geven. U mag er bezwaar tegen maken.
privacy_statement.applies_to = Dit geldt voor: { $activities }.
privacy_statement.no_automated = Bij ons neemt een computer nooit alleen een besluit over iemand. Er kijkt altijd een mens mee. Wij maken ook geen profielen.
privacy_statement.automated_intro = Bij deze onderwerpen helpt een computer bij een besluit. Hier staat hoe dat werkt en wat het voor u betekent:
privacy_statement.automated_rights = U mag altijd vragen dat een mens het besluit opnieuw bekijkt. U mag ook uw mening geven en het besluit aanvechten.
privacy_statement.security_intro = Wij beschermen de gegevens goed, zodat ze niet kwijtraken en niemand ze ziet die dat niet mag.
privacy_statement.security_breach = Gaat er toch iets mis, bijvoorbeeld bij een datalek? Dan melden wij dat als het moet bij de Autoriteit Persoonsgegevens, en vertellen wij het u als het voor u gevolgen kan hebben.

## De PDF
privacy_statement.pdf_version = Versie { $version }, gepubliceerd op { $date }. Controlegetal (SHA-256): { $hash }
privacy_statement.version_line = Versie { $version }, gepubliceerd op { $date }.
privacy_statement.pdf_draft = Concept: deze versie is nog niet gepubliceerd.

## Wat de controle mist
privacy_statement.gap.controller_missing = In het profiel van het bestuur ontbreken de naam, het adres of het e-mailadres.
privacy_statement.gap.dpo_missing = In het profiel van het bestuur ontbreken de naam of het e-mailadres van de FG.
privacy_statement.gap.no_activities = Er is geen vastgestelde verwerking voor deze groep.
privacy_statement.gap.purpose_missing = Het doel ontbreekt.
privacy_statement.gap.interest_missing = Bij het gerechtvaardigd belang ontbreekt de belangenafweging.
privacy_statement.gap.recipients_missing = Er staat niet in wie de gegevens krijgt.
privacy_statement.gap.safeguard_missing = Bij de doorgifte buiten de EER ontbreekt een geldige waarborg.
privacy_statement.gap.retention_missing = De bewaartermijn ontbreekt.
privacy_statement.gap.law_missing = Bij de wettelijke plicht staat niet welke wet het is.
privacy_statement.gap.data_missing = De soorten gegevens ontbreken.

## De wetsartikelen die de verklaring afdekt
privacy_statement.item.13(1)(a) = wie de verwerkingsverantwoordelijke is en hoe u die bereikt
privacy_statement.item.13(1)(b) = hoe u de FG bereikt
privacy_statement.item.13(1)(c) = de doelen en de grondslag van elk doel
privacy_statement.item.13(1)(d) = het gerechtvaardigd belang, als dat de grondslag is
privacy_statement.item.13(1)(e) = wie de gegevens krijgt
privacy_statement.item.13(1)(f) = doorgifte buiten de EER en de waarborg
privacy_statement.item.13(2)(a) = hoe lang de gegevens worden bewaard
privacy_statement.item.13(2)(b) = de rechten: inzage, verbetering, verwijdering, beperking, bezwaar en overdracht
privacy_statement.item.13(2)(c) = toestemming intrekken, als toestemming de grondslag is
privacy_statement.item.13(2)(d) = klacht bij de Autoriteit Persoonsgegevens
privacy_statement.item.13(2)(e) = of het geven van gegevens verplicht is, en de gevolgen als u ze niet geeft
privacy_statement.item.13(2)(f) = geautomatiseerde besluiten en profilering
privacy_statement.item.14(1)(d) = de soorten gegevens
privacy_statement.item.14(2)(f) = de bron, als de gegevens van anderen komen
privacy_statement.item.001-15(a) = beleid art. 15a: de contactgegevens van het bestuur
privacy_statement.item.001-15(b) = beleid art. 15b: de contactgegevens van de FG
privacy_statement.item.001-15(c) = beleid art. 15c: de doelen en de grondslagen
privacy_statement.item.001-15(d) = beleid art. 15d: de belangen bij een gerechtvaardigd belang
privacy_statement.item.001-15(e) = beleid art. 15e: de ontvangers, zoals verwerkers of derden
privacy_statement.item.001-15(f) = beleid art. 15f: verzending naar landen buiten de EER
privacy_statement.item.001-15(g) = beleid art. 15g: de bewaartermijn
privacy_statement.item.001-15(h) = beleid art. 15h: inzage, verbetering, verwijdering, beperking, bezwaar en overdraagbaarheid
privacy_statement.item.001-15(i) = beleid art. 15i: toestemming intrekken
privacy_statement.item.001-15(j) = beleid art. 15j: klacht bij de Autoriteit Persoonsgegevens
privacy_statement.item.001-15(k) = beleid art. 15k: wettelijke of contractuele verplichting
privacy_statement.item.001-15(l) = beleid art. 15l: geautomatiseerde besluitvorming

## Het logboek
audit.entity.privacy_statement = Privacyverklaring
audit.field.audience = doelgroep
audit.field.version = versie
audit.field.register_version = versie van het register

## De pagina's
privacy_statement.contents = Inhoud
privacy_statement.public_pdf = Download als PDF
privacy_statement.public_on = Welke verklaring gold op
privacy_statement.public_on_hint = Kies een datum. U ziet dan de verklaring die op die dag gold.
privacy_statement.public_show = Toon
privacy_statement.portal_link = Privacyverklaring
privacy_statement.page_title = Privacyverklaring
privacy_statement.page_intro = De privacyverklaring komt uit het vastgestelde verwerkingsregister en het profiel van het bestuur. Hier ziet u per groep de tekst, of elk punt uit de wet (AVG artikel 13 en 14) en het privacybeleid (artikel 15) erin staat, en welke versies zijn gepubliceerd.
privacy_statement.page_audiences = Voor wie
privacy_statement.page_to_register = Naar het register
privacy_statement.page_draft = Dit is een concept uit versie { $register } van het register. Het is nog niet gepubliceerd.
privacy_statement.page_is_published = Deze tekst is gepubliceerd als versie { $version }.
privacy_statement.page_published = Versie { $version } is gepubliceerd.
privacy_statement.page_public_link = Openbare pagina
privacy_statement.page_publish = Publiceren
privacy_statement.page_publish_hint = Publiceren maakt deze tekst de nieuwe versie op de openbare pagina. Oude versies blijven bewaard.
privacy_statement.page_publish_same = Deze tekst is al gepubliceerd. Opnieuw publiceren maakt geen nieuwe versie.
privacy_statement.page_coverage = Controle per wetsartikel
privacy_statement.page_all_covered = Alle punten staan in de verklaring.
privacy_statement.page_open = Punten waarvoor gegevens in het register ontbreken:
privacy_statement.page_versions = Gepubliceerde versies
privacy_statement.page_no_versions = Er is nog geen versie gepubliceerd.
privacy_statement.page_preview = Voorbeeld
privacy_statement.col_item = Punt
privacy_statement.col_section = Staat in
privacy_statement.col_state = Stand
privacy_statement.col_version = Versie
privacy_statement.col_date = Gepubliceerd op
privacy_statement.col_by = Door
privacy_statement.col_register = Versie van het register
privacy_statement.col_hash = Controlegetal (SHA-256)
privacy_statement.state_ok = In orde
privacy_statement.state_not_applicable = Niet van toepassing; de verklaring zegt dat
privacy_statement.state_missing = Ontbreekt
privacy_statement.fix = Aanvullen
privacy_statement.consent_link = Lees in de privacyverklaring wat wij met de gegevens doen.
