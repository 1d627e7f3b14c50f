# Het verwerkingsregister (AVG art. 30), het profiel van het bestuur en de vaststelling.

## Grondslagen (AVG art. 6 lid 1)
register.basis.consent = toestemming
register.basis.contract = uitvoering van een overeenkomst
register.basis.legal_obligation = wettelijke plicht
register.basis.vital_interests = vitaal belang
register.basis.public_task = taak van algemeen belang
register.basis.legitimate_interests = gerechtvaardigd belang

## Betrokkenen
register.subject.pupils = leerlingen
register.subject.parents = ouders en verzorgers
register.subject.staff = medewerkers
register.subject.applicants = sollicitanten
register.subject.visitors = bezoekers
register.subject.public = iedereen (bijvoorbeeld voorbijgangers)
register.subject.former_pupils = oud-leerlingen
register.subject.external_contacts = contactpersonen van leveranciers en partners

## Soorten gegevens
register.data.identification = naam en andere identificerende gegevens
register.data.contact = contactgegevens
register.data.education_progress = onderwijs en voortgang
register.data.performance = resultaten en toetsen
register.data.special_needs = ondersteuningsbehoefte en begeleiding
register.data.health = gezondheid
register.data.images = foto's en video's
register.data.biometric = biometrische gegevens
register.data.location = locatie
register.data.financial = financiële gegevens
register.data.communications = berichten en gesprekken
register.data.behaviour = gedrag
register.data.religion = godsdienst of levensovertuiging
register.data.ethnicity = afkomst
register.data.criminal = strafrechtelijke gegevens
register.data.bsn = burgerservicenummer (BSN)
register.data.learning_resources = ICT en leermiddelen (met ECK iD)
register.data.employment = dienstverband en salaris

## Uitzonderingen voor bijzondere gegevens (AVG art. 9 lid 2)
register.condition.explicit_consent = uitdrukkelijke toestemming
register.condition.employment = arbeidsrecht en sociale zekerheid
register.condition.vital_interests = vitaal belang
register.condition.not_for_profit = stichting of vereniging zonder winstoogmerk
register.condition.made_public = zelf openbaar gemaakt
register.condition.legal_claims = rechtsvordering
register.condition.substantial_public_interest = zwaarwegend algemeen belang (wet)
register.condition.health_care = gezondheidszorg
register.condition.public_health = volksgezondheid
register.condition.archiving_research = archief, onderzoek of statistiek

## Ontvangers
register.recipient.processor = verwerker (werkt in onze opdracht)
register.recipient.third_party = derde
register.recipient.public_authority = overheidsinstantie
register.recipient.internal = binnen het bestuur

## Waarborgen bij doorgifte buiten de EER
register.safeguard.adequacy = besluit van de Europese Commissie dat het land passend beschermt
register.safeguard.sccs = modelcontractbepalingen van de Europese Commissie
register.safeguard.bcrs = bindende bedrijfsvoorschriften
register.safeguard.derogation = uitzondering voor een specifieke situatie (art. 49)

## Classificatie (beleid §6.2)
register.classification.public = 1 openbaar
register.classification.internal = 2 intern
register.classification.confidential = 3 vertrouwelijk
register.classification.secret = 4 geheim

## Status
register.status.draft = concept
register.status.in_review = ter beoordeling
register.status.adopted = vastgesteld
register.status.retired = beëindigd

## Wat ontbreekt (art. 30 lid 1 en de controles)
register.finding.controller_missing = De gegevens van het bestuur en de functionaris gegevensbescherming ontbreken. Vul het profiel van het bestuur in.
register.finding.purposes_missing = Er staat geen doel bij deze verwerking. Vul minstens één doel in met de grondslag.
register.finding.subjects_missing = Er staat niet bij van wie de gegevens zijn. Kies minstens één groep betrokkenen.
register.finding.data_missing = Er staat niet bij welke gegevens worden verwerkt. Kies minstens één soort gegevens.
register.finding.recipients_missing = Er staat niet bij wie de gegevens krijgt of ziet. Vul minstens één ontvanger in, ook als dat alleen medewerkers van het bestuur zijn.
register.finding.transfer_without_safeguard = De doorgifte naar { $about } heeft geen waarborg. Kies de waarborg die de doorgifte toegestaan maakt, of stop de doorgifte.
register.finding.adequacy_not_decided = Voor { $about } is er geen besluit van de Europese Commissie dat het land passend beschermt. Kies een andere waarborg, zoals modelcontractbepalingen.
register.finding.retention_missing = De bewaartermijn ontbreekt. Schrijf op hoe lang de gegevens worden bewaard.
register.finding.security_missing = De beveiligingsmaatregelen ontbreken. Beschrijf kort hoe de gegevens worden beveiligd.
register.finding.consent_without_purpose = Het doel "{ $about }" rust op toestemming, maar er is geen toestemmingsvraag die deze toestemming vraagt. Koppel een toestemmingsdoel of kies een andere grondslag.
register.finding.processor_without_agreement = { $about } verwerkt gegevens in opdracht van het bestuur, maar er is geen geldige verwerkersovereenkomst. Leg de overeenkomst vast bij de leverancier.
register.finding.location_without_transfer = { $about } bewaart gegevens buiten de EER, maar bij deze verwerking staat geen doorgifte. Vul de doorgifte met de waarborg in.
register.finding.special_without_condition = Voor { $about } staat geen uitzondering uit artikel 9 lid 2 AVG. Kies de uitzondering die de verwerking toestaat.
register.finding.interest_without_balancing = Het doel "{ $about }" rust op gerechtvaardigd belang, maar de belangenafweging ontbreekt. Schrijf de afweging op.
register.finding.bsn_without_legal_obligation = Het burgerservicenummer mag alleen worden gebruikt als een wet dat voorschrijft. Vul het doel met de wettelijke plicht in, of haal het BSN weg.
register.finding.unknown_system = Deze verwerking noemt een systeem dat niet in het register staat ({ $about }). Kies een bestaand systeem.
register.finding.review_overdue = De verwerking had op { $about } opnieuw bekeken moeten worden. Bekijk haar en zet een nieuwe datum.
register.finding.system_not_in_register = Het systeem { $about } is in gebruik, maar geen verwerking noemt het. Voeg het toe aan de verwerking waarvoor het wordt gebruikt.

## Invoerfouten
register.legal_basis_unknown = kies een van de zes grondslagen: consent, contract, legal_obligation, vital_interests, public_task of legitimate_interests.
register.subject_category_unknown = deze groep betrokkenen kennen we niet. Kies uit de lijst.
register.data_category_unknown = deze soort gegevens kennen we niet. Kies uit de lijst.
register.special_condition_unknown = deze uitzondering kennen we niet. Kies een uitzondering uit artikel 9 lid 2 AVG.
register.recipient_kind_unknown = kies processor, third_party, public_authority of internal.
register.safeguard_unknown = kies adequacy, sccs, bcrs of derogation.
register.classification_unknown = kies public, internal, confidential of secret.
register.status_unknown = kies draft, in_review of retired.
register.status_adopted_by_board = een verwerking wordt vastgesteld als het bestuur het hele register vaststelt, niet los.
register.category_not_special = dit is geen bijzonder persoonsgegeven. Zet het bij de gewone soorten gegevens.
register.country_format = schrijf het land als landcode van twee letters, zoals US.
register.country_in_eea = dit land hoort bij de EER: dat is geen doorgifte. Haal het weg.
register.kvk_format = een KvK-nummer heeft acht cijfers.
register.adopt_no_profile = vul eerst het profiel van het bestuur in: zonder de gegevens van het bestuur en de functionaris gegevensbescherming is het register niet compleet.
register.adopt_empty = er is nog geen verwerking om vast te stellen. Voeg eerst verwerkingen toe of begin met het voorbeeldregister.
register.changed_meanwhile = iemand heeft het register intussen veranderd. Bekijk de wijzigingen en stel het daarna opnieuw vast.
register.template_add = Vul aan met het voorbeeldregister
register.template_add_hint = Het voorbeeldregister heeft nog { $count } gebruikelijke verwerkingen die niet in dit register staan. Ze komen erbij als concept; wat er al staat, blijft zoals het is.
register.template_present = alle verwerkingen van het voorbeeldregister staan al in dit register.

## Velden (ook in het overzicht van wijzigingen)
register.field.name = Naam
register.field.description = Omschrijving
register.field.purposes = Doelen en grondslagen
register.field.subject_categories = Van wie (betrokkenen)
register.field.data_categories = Welke gegevens
register.field.special_categories = Bijzondere gegevens
register.field.recipients = Wie de gegevens krijgt of ziet
register.field.transfers = Doorgifte buiten de EER
register.field.retention = Bewaartermijn
register.field.security_measures = Beveiligingsmaatregelen
register.field.system_ids = Systemen
register.field.classification = Classificatie
register.field.owner = Verantwoordelijke
register.field.source = Herkomst van de gegevens
register.field.automated_decisions = Geautomatiseerde besluiten
register.field.status = Status
register.field.review_date = Opnieuw bekijken op
register.field.school_id = School
register.change.added = nieuw
register.change.removed = verwijderd
register.change.changed = gewijzigd

## Pagina's
nav.register = Register
register.title = Verwerkingsregister
register.intro = Hier staat wat het bestuur met persoonsgegevens doet, waarom en op welke grondslag, wie de gegevens krijgt en hoe lang ze worden bewaard (artikel 30 AVG). Alle documenten, zoals de privacyverklaring, komen uit dit register.
register.parts = Onderdelen van het register
register.profile = Profiel van het bestuur
register.link_suppliers = Leveranciers en verwerkersovereenkomsten
register.link_systems = Systemen
register.link_recipients = Ontvangers van gegevens
register.link_statement = Privacyverklaring
register.profile_missing = Het profiel van het bestuur is nog niet ingevuld.
register.profile_fill = Vul het profiel in.
register.activities = Verwerkingen
register.open_findings = Open punten
register.open_note = Wat nog ontbreekt of niet klopt, per verwerking.
register.empty = Er staan nog geen verwerkingen in het register.
register.template = Begin met het voorbeeldregister
register.template_hint = Het voorbeeldregister bevat de gebruikelijke verwerkingen van een schoolbestuur, gemaakt uit het beleid: leerlingadministratie, leerlingvolgsysteem, leermiddelen, website, personeel, camera's en meer. U kunt alles aanpassen.
register.all_schools = Alle scholen
register.missing = Wat ontbreekt
register.complete = Compleet
register.new = Nieuwe verwerking
register.register_findings = Over het hele register
register.changes = Wijzigingen sinds de laatste vaststelling
register.changes_in_version = Wat in deze versie veranderde
register.no_changes = Geen wijzigingen.
register.change_kind = Wijziging
register.change_fields = Velden
register.adopt = Register vaststellen
register.decision = Besluit
register.decision_hint = Wie het register vaststelt en hoe, bijvoorbeeld: Besluit College van Bestuur 2026-14.
register.versions = Vastgestelde versies
register.no_versions = Het register is nog niet vastgesteld.
register.version = Versie
register.adopted_at = Vastgesteld op
register.adopted_by = Vastgesteld door
register.version_title = Verwerkingsregister, versie { $version }
register.hash = Vingerafdruk (SHA-256)
register.hash_hint = Dezelfde vingerafdruk staat in het logboek. Zo is te bewijzen welk register op welke dag is vastgesteld.
register.back = Terug naar het register
register.nothing_missing = Er ontbreekt niets.
register.details = Gegevens van de verwerking
register.no_condition = nog geen uitzondering gekozen
register.no_safeguard = nog geen waarborg gekozen
register.no_transfers = Geen
register.comments = Opmerkingen van de functionaris gegevensbescherming
register.no_comments = Nog geen opmerkingen.
register.comment = Opmerking
register.comment_add = Opmerking toevoegen
register.edit = Verwerking aanpassen
register.purposes_hint = Vul per doel de grondslag in. Bij toestemming kiest u de toestemmingsvraag; bij gerechtvaardigd belang schrijft u de belangenafweging op. Een lege rij wordt niet bewaard.
register.purpose_text = Doel
register.purpose_basis = Grondslag
register.purpose_source = Wet of overeenkomst (bijvoorbeeld art. 8 WPO)
register.purpose_consent = Toestemmingsvraag
register.no_consent_purpose = geen
register.purpose_balancing = Belangenafweging
register.choose = kies
register.none = geen
register.special_hint = Gezondheid, godsdienst, afkomst, biometrie en strafrechtelijke gegevens mogen alleen met een uitzondering uit artikel 9 lid 2 AVG.
register.special_category = Bijzonder gegeven
register.special_condition = Uitzondering
register.recipient_name = Ontvanger
register.recipient_kind = Soort ontvanger
register.transfers_hint = Alleen landen buiten de EER, met een landcode van twee letters (bijvoorbeeld US).
register.transfer_country = Land
register.transfer_safeguard = Waarborg
register.transfer_recipient = Wie ontvangt de gegevens daar
register.source_hint = Alleen invullen als de gegevens niet van de betrokkene zelf komen, bijvoorbeeld van de vorige school.
register.automated_hint = Laat leeg als er geen besluiten alleen door een computer worden genomen.
register.status_keep = niet veranderen
register.status_hint = Een aangepaste verwerking wordt weer een concept tot het bestuur het register opnieuw vaststelt.
register.save = Opslaan
register.profile_intro = Het bestuur is de verwerkingsverantwoordelijke. Deze gegevens staan in het register en in de privacyverklaring.
register.profile_name = Naam van het bestuur
register.profile_address = Adres
register.profile_kvk = KvK-nummer
register.profile_email = E-mailadres voor vragen over privacy
register.profile_dpo = Functionaris gegevensbescherming (FG)
register.profile_dpo_name = Naam
register.profile_dpo_email = E-mailadres
register.profile_dpo_phone = Telefoonnummer
register.dashboard_note = open punten in het register
