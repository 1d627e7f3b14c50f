# Aantoonbaar — Nederlandse teksten. Eén regel per tekst: sleutel = tekst.
# Invulplekken als { $naam }.

## Opmaak en navigatie
layout.skip = Naar de inhoud
layout.demo = Demonstratieomgeving: fictieve gegevens, inloggen zonder tweestapsverificatie. Gebruik dit nooit voor echte leerlingen.
layout.sign_out = Afmelden
layout.nav = Hoofdmenu
nav.dashboard = Overzicht
nav.schools = Scholen
nav.pupils = Leerlingen
nav.import = Importeren
nav.users = Gebruikers
nav.tokens = API-sleutels
message.home = Naar het overzicht
common.yes = ja
common.no = nee

## Aanmelden en wachtwoord
sign_in.title = Aanmelden
sign_in.email = E-mailadres
sign_in.password = Wachtwoord
sign_in.submit = Aanmelden
sign_in.failed = Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.
sign_in.password_set = Uw wachtwoord is ingesteld. U kunt zich nu aanmelden.
password.title = Wachtwoord instellen
password.rules = Kies een wachtwoord van minstens 10 tekens met drie van de vier soorten tekens (hoofdletters, kleine letters, cijfers, leestekens), of een wachtzin van minstens 16 tekens. Gebruik niet uw naam of de naam van de school.
password.new = Nieuw wachtwoord
password.repeat = Herhaal het wachtwoord
password.submit = Wachtwoord opslaan
password.mismatch = De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.
password.link_invalid = Deze link is verlopen of al gebruikt. Vraag de IBP-coördinator om een nieuwe.
password.too_short = Het wachtwoord is te kort: gebruik minstens 10 tekens, of een wachtzin van minstens 16 tekens.
password.too_simple = Gebruik drie van de vier soorten tekens: hoofdletters, kleine letters, cijfers en leestekens. Of kies een wachtzin van minstens 16 tekens.
password.personal = Het wachtwoord bevat uw naam, uw e-mailadres of de naam van het bestuur. Zulke wachtwoorden zijn makkelijk te raden; kies een ander.

## Overzicht
dashboard.groups = { $count } groepen
dashboard.pupils_note = ingeschreven leerlingen die u mag zien
dashboard.users_waiting = { $count } nog zonder wachtwoord

## Scholen en groepen
schools.name = Naam
schools.brin = BRIN-code
schools.brin_hint = Twee cijfers en twee letters, bijvoorbeeld 12AB.
schools.add = School toevoegen
school.groups = Groepen
school.group = Groep
school.group_name = Naam van de groep
school.pupil_count = Leerlingen
school.add_group = Groep toevoegen

## Leerlingen
pupils.search = Zoek op naam of leerlingnummer
pupils.group = Groep
pupils.all_groups = Alle groepen
pupils.include_left = Ook vertrokken leerlingen
pupils.find = Zoeken
pupils.none = Geen leerlingen gevonden.
pupils.summary = Leerling { $first } tot en met { $last } van { $total }
pupils.name = Naam
pupils.number = Leerlingnummer
pupils.birth_date = Geboortedatum
pupils.left = vertrokken
pupils.pages = Pagina's
pupils.previous = Vorige
pupils.next = Volgende
pupil.school = School
pupil.years = jaar
pupil.enrolled = Ingeschreven op
pupil.family = Gezinssituatie
pupil.guardians = Ouders en verzorgers
pupil.no_guardians = Er zijn geen ouders of verzorgers bekend. Zonder gezagdrager kan niemand toestemming geven.
pupil.relation = Relatie
pupil.custody = Gezag
pupil.recognised = Erkend
pupil.contact = Contact
pupil.left_on = Vertrokken op { $date } ({ $destination })
relation.mother = moeder
relation.father = vader
relation.guardian = voogd
relation.carer = verzorger
relation.foster_parent = pleegouder
relation.other = anders
family.together = ouders getrouwd of samenwonend
family.separated = ouders gescheiden of uit elkaar
family.guardianship = voogdij
family.unknown = niet vastgelegd
leave.primary_school = andere basisschool
leave.secondary_school = voortgezet onderwijs
leave.special_education = speciaal (basis)onderwijs
leave.not_admitted = niet toegelaten
leave.abroad = buitenland
leave.other = anders of onbekend

## Rollen en bereik
role.CvB = College van Bestuur
role.ST = Stafmedewerker ICT (IBP-coördinator)
role.D = Directeur
role.TL = Teamleider
role.BS = ICT-beheerder school
role.AP = Administratie
role.OP = Leerkracht
role.OPT = Invalkracht of stagiair
role.FG = Functionaris gegevensbescherming
scope.board = hele bestuur
scope.school = school
scope.groups = eigen groepen

## Importeren
import.school = School
import.file = Exportbestand (CSV)
import.file_hint = Een CSV-export uit de leerlingadministratie (ParnasSys, Esis), gescheiden door puntkomma of komma. De kolomnamen staan in de handleiding.
import.check = Bestand controleren
import.preview = Controle: dit gaat er gebeuren
import.done = Import voltooid
import.created = nieuwe leerlingen
import.updated = leerlingen bijgewerkt
import.unchanged = leerlingen ongewijzigd
import.left = leerlingen niet meer in het bestand (worden als vertrokken vastgelegd)
import.groups_created = Nieuwe groepen
import.confirm = Importeren bevestigen
import.failed = Het bestand is niet geïmporteerd; er is niets opgeslagen. Verbeter deze regels en probeer het opnieuw:
import.error_line = Regel { $line }, kolom { $column }: { $message }
import.unreadable = deze regel kan niet gelezen worden; controleer aanhalingstekens en scheidingstekens.
import.duplicate_column = deze kolom staat twee keer in het bestand.
import.missing_column = deze kolom ontbreekt in het bestand.
import.duplicate_number = dit leerlingnummer staat al eerder in het bestand.
import.no_file = Kies een bestand om te importeren.
bool.format = vul ja of nee in.

## Gebruikers en sleutels
users.name = Naam
users.email = E-mailadres
users.roles = Rollen
users.role = Rol
users.scope = Bereik
users.school = School (bij bereik school)
users.group = Groep (bij bereik eigen groepen)
users.waiting = nog geen wachtwoord
users.add = Gebruiker toevoegen
users.created = Account aangemaakt voor
users.link_once = Geef deze eenmalige link aan de gebruiker om een wachtwoord in te stellen. Hij werkt 7 dagen en wordt niet nog eens getoond.
tokens.intro = Met een API-sleutel kan een ander programma namens u de API gebruiken. Behandel een sleutel als een wachtwoord.
tokens.once = Kopieer deze sleutel nu: hij wordt maar één keer getoond.
tokens.name = Omschrijving
tokens.created = Aangemaakt
tokens.status = Status
tokens.revoked = ingetrokken
tokens.revoke = Intrekken
tokens.add = Sleutel aanmaken

## Invoerfouten (per veld)
field.unknown = dit veld bestaat niet; controleer de spelling.
field.not_text = vul hier tekst in.
field.required = dit veld is verplicht.
field.not_boolean = vul true of false in.
reference.unknown = dit verwijst niet naar iets dat u mag zien in dit bestuur.
group.other_school = deze groep hoort bij een andere school dan de gekozen school.
brin.format = een BRIN-code bestaat uit twee cijfers en twee letters, bijvoorbeeld 12AB.
pupil_number.empty = het leerlingnummer ontbreekt.
pupil_number.format = een leerlingnummer bestaat uit hoogstens 20 letters, cijfers of streepjes.
name.empty = de naam ontbreekt.
name.format = een naam is hoogstens 100 tekens lang en bevat geen besturingstekens.
email.format = dit is geen geldig e-mailadres, zoals naam@voorbeeld.nl.
phone.format = een telefoonnummer bestaat uit cijfers, spaties, +, - of haakjes, minstens 6 cijfers.
date.format = schrijf de datum als JJJJ-MM-DD (of DD-MM-JJJJ in een importbestand) en controleer of de dag bestaat.
birth_date.future = de geboortedatum ligt in de toekomst.
birth_date.too_old = de geboortedatum ligt meer dan 25 jaar terug; controleer het jaartal.
enrolment_date.before_birth = de inschrijfdatum ligt vóór de geboortedatum.
leave_date.before_enrolment = de uitschrijfdatum ligt vóór de inschrijfdatum.
leave_destination.missing = vul ook in waar de leerling naartoe is vertrokken.
leave_date.missing = vul ook de uitschrijfdatum in.
leave_destination.unknown = gebruik een van: primary_school, secondary_school, special_education, not_admitted, abroad, other (in een importbestand ook: basisschool, voortgezet onderwijs, SBO, SO, niet toegelaten, buitenland, anders).
family_situation.unknown = gebruik een van: together, separated, guardianship (in een importbestand ook: samen, gescheiden, voogdij).
relation.unknown = gebruik een van: mother, father, guardian, carer, foster_parent, other (in een importbestand ook: moeder, vader, voogd, verzorger, pleegouder, anders).
role.unknown = onbekende rol; gebruik CvB, ST, D, TL, BS, AP, OP, OPT of FG.
roles.empty = kies minstens één rol.
scope.unknown = kies als bereik board, school of groups.
scope_ids.empty = kies de school of groepen waarin deze gebruiker werkt.
scope.role_mismatch = deze rol past niet bij dit bereik (een leerkracht werkt in eigen groepen, een directeur in een school, ST, FG en CvB in het hele bestuur).
duplicate.brin = er is al een school met deze BRIN-code in dit bestuur.
duplicate.name = er is al een groep met deze naam in deze school.
duplicate.external_number = er is al een leerling met dit leerlingnummer in deze school.
duplicate.email = er is al een account met dit e-mailadres.
duplicate.token = deze sleutel bestaat al; maak een nieuwe aan.
duplicate.guardian_id = deze ouder is al aan deze leerling gekoppeld.

## Foutmeldingen van de API
problem.unauthorized = Niet aangemeld
problem.unauthorized_detail = Meld u aan, of stuur een geldige API-sleutel mee als 'Authorization: Bearer …'.
problem.forbidden = Geen toegang
problem.forbidden_detail = Uw rol geeft geen toegang tot deze handeling. Vraag de IBP-coördinator als u denkt dat u die nodig hebt.
problem.not_found = Niet gevonden
problem.not_found_detail = Dit bestaat niet, of u hebt er geen toegang toe.
problem.invalid = Ongeldige invoer
problem.field_detail = { $field }: { $message }
problem.bad_request = Onleesbaar verzoek
problem.body_unreadable = De inhoud van het verzoek kon niet gelezen worden.
problem.json_detail = De JSON klopt niet bij '{ $path }': { $error }
problem.conflict = Bestaat al
problem.internal = Er ging iets mis
problem.internal_detail = Er ging aan onze kant iets mis; er is niets opgeslagen. Probeer het later opnieuw of meld het de IBP-coördinator.

## Logboek (audittrail)
nav.audit = Logboek
audit.intro = Elke wijziging en elke inzage van leerlinggegevens, met wie, wanneer en vanaf welk adres. Waarden worden niet vastgelegd, alleen welke velden.
audit.person = Persoon (e-mailadres)
audit.pupil = Leerling (naam of nummer)
audit.from = Van
audit.until = Tot en met
audit.export = Exporteren als CSV
audit.when = Tijdstip
audit.what = Handeling
audit.subject = Over
audit.fields = Velden
audit.action.view = ingezien
audit.action.create = aangemaakt
audit.action.update = gewijzigd
audit.action.delete = verwijderd
audit.action.import = import
audit.action.sign_in = aangemeld
audit.action.sign_out = afgemeld
audit.action.set_password = wachtwoord ingesteld
audit.action.create_token = API-sleutel aangemaakt
audit.action.revoke_token = API-sleutel ingetrokken

## Tweestapsverificatie
code.title = Code uit uw app
code.intro = voer de code van zes cijfers in die uw authenticator-app nu toont.
code.label = Code
code.recovery_hint = Telefoon kwijt? Voer dan een van uw herstelcodes in (zoals k7qm-2xfa-9tbe). Elke herstelcode werkt één keer.
code.submit = Aanmelden
code.wrong = Deze code klopt niet of is al gebruikt. Wacht op de volgende code in uw app en probeer het opnieuw.
enrol.title = Tweestapsverificatie instellen
enrol.intro = voor een account met toegang tot leerlinggegevens is een tweede stap verplicht: een code uit een app op uw telefoon.
enrol.step1 = Installeer een authenticator-app, bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP.
enrol.step2 = Scan deze QR-code met de app.
enrol.qr_label = QR-code voor de authenticator-app
enrol.manual = Scannen lukt niet? Voer deze sleutel met de hand in:
enrol.step3 = Voer hieronder de code in die de app nu toont.
enrol.submit = Instellen en aanmelden
recovery.title = Uw herstelcodes
recovery.intro = Bewaar deze tien codes op een veilige plek, bijvoorbeeld op papier in een afgesloten la. Met een herstelcode meldt u zich aan als uw telefoon kwijt is; elke code werkt één keer. Ze worden niet nog eens getoond.
recovery.continue = Verder naar het overzicht
reauth.title = Bevestig dat u het bent
reauth.intro = Voor deze handeling vragen we uw wachtwoord en een code uit uw app nog een keer.
reauth.submit = Bevestigen
reauth.failed = Het wachtwoord of de code klopt niet. Probeer het opnieuw.
throttle.title = Te veel pogingen
throttle.wait = Er zijn te veel mislukte pogingen gedaan. Probeer het over { $seconds } seconden opnieuw.
csrf.expired = Deze pagina is verlopen. Ga terug, laad de pagina opnieuw en probeer het nog eens.
password.weak = Dit wachtwoord is te makkelijk te raden (het lijkt op veelgebruikte wachtwoorden of woorden). Kies iets dat minder voor de hand ligt, bijvoorbeeld een zin van vier losse woorden.
audit.action.enrol_two_step = tweestapsverificatie ingesteld
audit.action.use_recovery_code = herstelcode gebruikt

## Ouderportaal
parents.title = Ouderportaal
parents.intro = Vul het e-mailadres in dat de school van u heeft. U krijgt een link waarmee u zich aanmeldt; die werkt 30 minuten en één keer.
parents.submit = Stuur mij een link
parents.staff = Medewerker van de school? Meld u hier aan.
parents.sent = Als dit e-mailadres bij een van onze scholen bekend is, ontvangt u binnen enkele minuten een e-mail met een link om u aan te melden. Geen e-mail ontvangen? Kijk ook bij ongewenste mail, of vraag de administratie van de school welk adres zij van u hebben.
parents.mail_subject = Uw link om in te loggen bij het ouderportaal
parents.mail_body = Beste ouder of verzorger,\n\nMet deze link meldt u zich aan bij het ouderportaal van de school:\n\n{ $link }\n\nDe link werkt 30 minuten en één keer. Hebt u hier niet om gevraagd? Dan kunt u deze e-mail negeren.
parents.continue_intro = Klik op de knop om u aan te melden bij het ouderportaal.
parents.continue = Doorgaan naar het ouderportaal
parents.link_invalid = Deze link is verlopen of al gebruikt. Vraag op de startpagina van het ouderportaal een nieuwe link aan.
parents.children_title = Mijn kinderen
parents.no_children = Er zijn geen kinderen aan dit e-mailadres gekoppeld.
nav.outbox = Uitgaande post
outbox.intro = Alle e-mail die Aantoonbaar verstuurt. Zonder ingestelde mailserver blijft de post hier staan; de inhoud van verzonden mail met een inloglink wordt niet bewaard.
outbox.empty = Er is nog geen post.
outbox.to = Aan
outbox.sent = verzonden
outbox.failed = niet verzonden
outbox.waiting = niet verzonden (geen mailserver ingesteld)

## Feestdagen en termijnen
nav.holidays = Feestdagen en termijnen
holidays.intro = Wettelijke termijnen, zoals de maand voor een verzoek van een betrokkene, eindigen nooit op een zaterdag, zondag of feestdag: dan schuift de termijn door naar de eerstvolgende werkdag (Algemene termijnenwet; Verordening 1182/71). Schoolvakanties tellen niet mee.
holidays.calculator = Termijn berekenen
holidays.received = Verzoek ontvangen op
holidays.compute = Berekenen
holidays.deadline = Uiterste antwoorddatum
holidays.extended = Na verlenging met twee maanden
holidays.equated = Bij koninklijk besluit gelijkgestelde dagen
holidays.none_equated = Er zijn geen gelijkgestelde dagen vastgelegd.
holidays.date = Datum
holidays.description = Omschrijving
holidays.description_hint = Bijvoorbeeld: vrijdag na Hemelvaartsdag, Besluit van … (Stb. …).
holidays.add = Dag toevoegen
holidays.remove = Verwijderen
holidays.statutory = Algemeen erkende feestdagen
holidays.name = Feestdag
holiday.new_year = Nieuwjaarsdag
holiday.good_friday = Goede Vrijdag
holiday.easter_monday = Tweede Paasdag
holiday.kings_day = Koningsdag
holiday.liberation_day = Bevrijdingsdag
holiday.ascension_day = Hemelvaartsdag
holiday.whit_monday = Tweede Pinksterdag
holiday.christmas_day = Eerste Kerstdag
holiday.boxing_day = Tweede Kerstdag
duplicate.date = deze dag staat al in de lijst.

## Toestemming
consent_renewal.unknown = kies yearly (ieder schooljaar opnieuw vragen) of once (eenmalig, met een jaarlijkse herinnering).
consent_reason.unknown = onbekende redencode; gebruik een van: granted, no_decision, refused, withdrawn, objection, pupil_must_decide, both_parents_needed, no_custodial_guardian, left_school, restricted.

## Informatierecht van ouders (BW 1:377b/c; bijlage 14.13)
pupil.information = Informatierecht
information_rights.level.full = volledige informatie
information_rights.level.limited = beperkte informatie, op verzoek
information_rights.level.none = geen informatie
information_rights.basis.custodial_parent = Ouder met gezag: krijgt alle informatie en bepaalt mee wie nog meer alle informatie krijgt.
information_rights.basis.separated_custodial_parent = Gescheiden ouder met gezag: krijgt alle informatie. Bij signalen van kindermishandeling of huiselijk geweld overlegt de directeur met het bestuur.
information_rights.basis.unknown_family_situation = Ouder met gezag: krijgt alle informatie. De gezinssituatie is niet vastgelegd; leg die vast in de leerlingadministratie.
information_rights.basis.voogd = Voogd: krijgt alle informatie en bepaalt wie nog meer alle informatie krijgt.
information_rights.basis.non_parent_with_custody = Heeft (gezamenlijk) gezag: krijgt alle informatie.
information_rights.basis.recognised_without_custody = Ouder zonder gezag die het kind heeft erkend: alleen op eigen verzoek belangrijke feiten over schoolvorderingen en sociaal-pedagogische ontwikkeling, tenzij het belang of de veiligheid van het kind zich daartegen verzet. Overleg met het bestuur.
information_rights.basis.not_recognised_without_custody = Ouder zonder gezag die het kind niet heeft erkend: krijgt geen informatie.
information_rights.basis.parent_under_guardianship = Ouder onder voogdij van een ander: alleen op eigen verzoek belangrijke feiten over schoolvorderingen en sociaal-pedagogische ontwikkeling, tenzij het belang of de veiligheid van het kind zich daartegen verzet.
information_rights.basis.granted_by_custodian = Een ouder met gezag (of de voogd) heeft toestemming gegeven om deze persoon alle informatie te geven.
information_rights.basis.guardian_without_custody = Vastgelegd als voogd maar zonder gezag (bijvoorbeeld een gezinsvoogd): geen informatie. Controleer de gegevens.
information_rights.basis.non_parent_without_grant = Geen ouder en geen gezag: krijgt geen informatie, tenzij een ouder met gezag daar toestemming voor geeft.
information_rights.not_linked = deze persoon is niet aan de leerling gekoppeld.
information_rights.future = de datum van de toestemming ligt in de toekomst.
information_level.unknown = gebruik full, limited of none.
information_basis.unknown = onbekende grondslag voor het informatierecht.
