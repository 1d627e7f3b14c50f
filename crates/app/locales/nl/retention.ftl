# Retention and destruction (issue 15): rules, holds and the worklist.

retention.field.code = Regel
retention.field.category = Soort gegevens
retention.field.subject = Over wie
retention.field.trigger = Begint bij
retention.field.period = Bewaartermijn
retention.field.action = Wat er daarna gebeurt
retention.field.source_kind = Soort bron
retention.field.source_text = Bron
retention.field.source_url = Link naar de bron
retention.field.sbo_reading = Uitleg van "SBO 3 jaar"
retention.field.pupil_id = Leerling
retention.field.reason = Reden
retention.field.kind = Soort blokkade
retention.field.date = Datum
retention.field.dry_run = Alleen proberen

retention.code_unknown = deze regel bestaat niet.
retention.category_unknown = kies een soort gegevens uit de lijst.
retention.subject_unknown = kies over wie de gegevens gaan.
retention.trigger_unknown = kies waar de termijn mee begint.
retention.action_unknown = kies vernietigen, anonimiseren, alleen basisgegevens bewaren of beoordelen.
retention.source_kind_unknown = kies beleid, wet, voorstel of besluit van het bestuur.
retention.hold_kind_unknown = kies rechtszaak, incident, open verzoek, wet of anders.
retention.status_unknown = onbekende stand.
retention.school_kind_unknown = kies gewone school of speciaal onderwijs.
retention.sbo_reading_unknown = kies referred_pupil (leerling die naar het speciaal onderwijs gaat) of sbo_school (de school is een SBO-school).
retention.change_unknown = onbekende wijziging.
retention.category_mismatch = deze soort gegevens hoort niet bij deze regel.
retention.trigger_not_for_category = Aantoonbaar weet voor deze soort gegevens niet wanneer dit gebeurt. Kies een ander begin.
retention.source_text_missing = schrijf op waar de termijn vandaan komt. Zonder bron kunt u de termijn niet aantonen.
retention.source_text_too_long = de bron is te lang (hoogstens 2000 tekens).
retention.source_url_invalid = een link begint met https:// of http://.
retention.hold_released = deze blokkade is al opgeheven.

retention.period.empty = vul een termijn in, bijvoorbeeld P2Y (2 jaar) of P4W (4 weken).
retention.period.zero = een termijn van 0 kan niet. Gegevens mogen niet langer bewaard worden dan nodig, dus er is altijd een einde.
retention.period.negative = een termijn kan niet negatief zijn.
retention.period.missing_p = een termijn begint met P, bijvoorbeeld P2Y (2 jaar) of P6M (6 maanden).
retention.period.no_components = zet na de P een getal en een eenheid, bijvoorbeeld P2Y.
retention.period.time_not_supported = uren, minuten en seconden (na T) kunnen niet. Gebruik dagen (D), weken (W), maanden (M) of jaren (Y).
retention.period.fraction = gebruik hele getallen: P18M in plaats van P1.5Y.
retention.period.unknown_unit = gebruik Y (jaren), M (maanden), W (weken) of D (dagen).
retention.period.missing_number = zet een getal voor de eenheid, bijvoorbeeld P2Y.
retention.period.missing_unit = zet een eenheid na het laatste getal: Y, M, W of D.
retention.period.repeated_unit = gebruik elke eenheid maar één keer.
retention.period.unit_order = schrijf eerst jaren, dan maanden, weken en dagen (P1Y6M).
retention.period.too_large = dat getal is te groot (hoogstens 9999).

retention.unit.year = jaar
retention.unit.years = jaar
retention.unit.month = maand
retention.unit.months = maanden
retention.unit.week = week
retention.unit.weeks = weken
retention.unit.day = dag
retention.unit.days = dagen

retention.code.pupil_file = Leerlingdossier
retention.code.pupil_file_special_education = Leerlingdossier bij speciaal onderwijs
retention.code.enrolment_and_absence = In- en uitschrijving en verzuim
retention.code.contact_details = Adresgegevens van oud-leerlingen
retention.code.application_not_admitted = Niet-toegelaten leerlingen
retention.code.camera_footage = Camerabeelden
retention.code.staff_account = Accounts van medewerkers
retention.code.consent_history = Toestemmingen
retention.code.incident_file = Incidenten en datalekken
retention.code.request_file = Verzoeken van betrokkenen
retention.code.audit_entry = Logboek
retention.code.outbox_mail = Verstuurde mail
retention.code.session = Aanmeldsessies

retention.category.pupil_file = Leerlingdossier
retention.category.enrolment_and_absence = In- en uitschrijving en verzuim
retention.category.contact_details = Adresgegevens
retention.category.application = Aanmelding
retention.category.camera_footage = Camerabeelden
retention.category.staff_account = Accounts van medewerkers
retention.category.consent_history = Toestemmingen
retention.category.incident_file = Incidentdossier
retention.category.request_file = Dossier van een verzoek
retention.category.audit_entry = Logboek
retention.category.outbox_mail = Verstuurde mail
retention.category.session = Aanmeldsessies

retention.subject.pupil = Leerling
retention.subject.guardian = Ouder of verzorger
retention.subject.staff = Medewerker
retention.subject.applicant = Aangemelde leerling
retention.subject.camera_footage = Wie op camerabeelden staat
retention.subject.incident_file = Wie in een incident genoemd wordt
retention.subject.request_file = Wie een verzoek doet of erin genoemd wordt
retention.subject.consent_record = Leerling en ouders van een toestemming
retention.subject.audit_entry = Wie in het logboek staat
retention.subject.outbox_mail = Wie een mail kreeg
retention.subject.session = Wie aanmeldde

retention.trigger.left_school = de leerling is uitgeschreven
retention.trigger.not_admitted = de school besloot de leerling niet toe te laten
retention.trigger.employment_ended = de medewerker is uit dienst
retention.trigger.recorded = de gegevens zijn vastgelegd
retention.trigger.incident_closed = het incident is afgesloten
retention.trigger.request_completed = het verzoek is afgehandeld
retention.trigger.consent_ended = de toestemming geldt niet meer
retention.trigger.session_ended = de sessie is afgelopen

retention.action.destroy = Vernietigen
retention.action.anonymise = Anonimiseren
retention.action.keep_basic_details = Alleen basisgegevens bewaren
retention.action.review = Beoordelen

retention.source_kind.seed = Beleid
retention.source_kind.law = Wet
retention.source_kind.product_proposal = Voorstel van Aantoonbaar
retention.source_kind.board = Besluit van het bestuur

retention.status.pending = Termijn loopt
retention.status.due = Nu vernietigen
retention.status.held = Geblokkeerd
retention.status.destroyed = Vernietigd

retention.hold_kind.legal_claim = Rechtszaak (mogelijk)
retention.hold_kind.incident = Incident
retention.hold_kind.open_request = Open verzoek
retention.hold_kind.law = Wet
retention.hold_kind.other = Anders

retention.sbo_reading.referred_pupil = Een leerling die naar het speciaal onderwijs gaat: dossier 3 jaar
retention.sbo_reading.sbo_school = Een SBO-school bewaart elk dossier 3 jaar

nav.retention = Bewaartermijnen
retention.page.title = Bewaartermijnen
retention.page.intro = Hoe lang bewaart het bestuur welke gegevens? Hier staan de termijnen met hun bron. Daarna worden de gegevens vernietigd of bekeken.
retention.page.rules_label = Bewaartermijnen met bron
retention.page.rule = Gegevens
retention.page.period = Termijn
retention.page.starts = Begint als
retention.page.then = Daarna
retention.page.source = Bron
retention.page.reading = Uitleg van "SBO 3 jaar"
retention.page.worklist_link = Werklijst: wat moet weg?
retention.page.editing_later = De IBP-coördinator past termijnen aan via de API. Een formulier op deze pagina komt later.
retention.worklist.title = Werklijst vernietigen
retention.worklist.intro = Deze gegevens moeten weg op of voor de gekozen datum. Gegevens met een blokkade staan er niet op.
retention.worklist.date = Datum
retention.worklist.show = Toon
retention.worklist.none = Er is niets te vernietigen op of voor deze datum.
retention.worklist.table_label = Te vernietigen: { $category }
retention.worklist.pupil = Leerling
retention.worklist.number = Leerlingnummer
retention.worklist.left_on = Uitgeschreven op
retention.worklist.due_on = Weg op
retention.worklist.action = Wat te doen
retention.worklist.count = Aantal
