# The pre-DPIA (seed 004): a teacher asks before using new software in class.

predpia.field.app_name = Naam van de app
predpia.field.website = Website
predpia.field.purpose = Wat doet de app
predpia.field.data_categories = Welke gegevens van leerlingen
predpia.field.supplier = Leverancier
predpia.field.groups = Groep(en)
predpia.field.pupil_count = Aantal leerlingen
predpia.field.techniques = Technieken
predpia.field.decision = Besluit
predpia.field.text = Toelichting

predpia.app_name_required = vul de naam van de app in.
predpia.purpose_required = beschrijf kort wat de app doet.
predpia.supplier_required = vul de leverancier in.
predpia.too_long = deze tekst is te lang.
predpia.conditions_required = schrijf de voorwaarden op.
predpia.reason_required = schrijf op waarom de app niet gebruikt mag worden.
predpia.answered = deze aanvraag is al beantwoord.

predpia.status.waiting = Wacht op antwoord
predpia.status.approved = Goedgekeurd
predpia.status.approved_with_conditions = Goedgekeurd met voorwaarden
predpia.status.rejected = Afgewezen

predpia.supplier.agreement = Er is een geldige verwerkersovereenkomst.
predpia.supplier.no_agreement = Deze leverancier staat in het register, maar er is geen geldige verwerkersovereenkomst.
predpia.supplier.unknown = Deze leverancier staat niet in het register.

predpia.mail.new_subject = Nieuwe pre-DPIA: { $app }
predpia.mail.new_body = { $requester } vraagt of { $app } in de klas gebruikt mag worden. Bekijk en beantwoord de aanvraag: { $link }
predpia.mail.answer_subject = Antwoord op uw pre-DPIA: { $app }
predpia.mail.answer_body = Uw aanvraag voor { $app } is beantwoord: { $status }. Lees het antwoord: { $link }
predpia.mail.reminder_subject = Herinnering: pre-DPIA wacht op antwoord: { $app }
predpia.mail.reminder_body = De aanvraag van { $requester } voor { $app } wacht al 5 werkdagen op antwoord: { $link }

predpia.page.title = Pre-DPIA's
predpia.page.intro = Wilt u een nieuwe app in de klas gebruiken? Vraag het eerst aan. De IBP-coördinator of de functionaris gegevensbescherming beoordeelt de aanvraag.
predpia.page.list_label = Aanvragen
predpia.page.none = Er zijn nog geen aanvragen.
predpia.page.new = Nieuwe aanvraag
predpia.page.submit = Aanvraag indienen
predpia.page.requester = Aangevraagd door
predpia.page.created = Ingediend op
predpia.page.status = Status
predpia.page.screening = DPIA-screening
predpia.page.supplier_status = Leverancier
predpia.page.answer = Antwoord
predpia.page.answer_submit = Antwoord versturen
predpia.page.back = Terug naar de aanvragen
predpia.page.waiting_card = pre-DPIA's wachten op antwoord
predpia.page.groups_help = Bijvoorbeeld: groep 7 en 8.
predpia.page.count_invalid = vul een heel getal in.
predpia.decision.approved = Ja, de app mag gebruikt worden
predpia.decision.approved_with_conditions = Ja, met voorwaarden
predpia.decision.rejected = Nee
predpia.decision_required = kies ja, ja met voorwaarden of nee.
predpia.page.reason_column = Toelichting
predpia.page.source_column = Bron
predpia.page.applies_column = Van toepassing
predpia.page.answer_hint = Bij "ja, met voorwaarden" de voorwaarden; bij "nee" de reden.
predpia.page.requests_link = Nieuwe software in de klas? Vraag een pre-DPIA aan
predpia.page.screening_link = Wilt u als leraar een nieuwe app gebruiken? Dien een pre-DPIA-aanvraag in.
