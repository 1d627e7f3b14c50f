# The access policy per information system and the authorisation matrix (seed 001 §13, §13.2; issue 16).

access.field.issued_by = Wie accounts verstrekt en intrekt
access.field.provisioning = Hoe accounts worden verstrekt
access.field.two_step = Tweestapsverificatie
access.field.password_rule = Wachtwoordeis
access.field.review_interval = Hoe vaak de rechten worden gecontroleerd
access.field.owner = Eigenaar
access.field.note = Toelichting
access.field.rows = Regels van de matrix
access.field.role = rol
access.field.profile = profiel in het systeem
access.field.rights = rechten
access.field.scope = bereik

access.provisioning.sso = Single sign-on (inloggen met het account van het bestuur)
access.provisioning.manual = Met de hand aangemaakt
access.provisioning.sync = Gesynchroniseerd vanuit de administratie
access.provisioning_unknown = kies single sign-on, met de hand of gesynchroniseerd.
access.right.view = inzien
access.right.change = registreren en wijzigen
access.right.delete = verwijderen
access.right_unknown = kies inzien, wijzigen of verwijderen.
access.scope.board = het hele bestuur
access.scope.school = de eigen school
access.scope.group = de eigen groep
access.scope.own = alleen de eigen gegevens
access.scope_unknown = kies bestuur, school, groep of eigen gegevens.
access.review_interval.zero = vul een termijn in die langer is dan nul dagen.
access.review_interval.too_long = de rechten moeten minstens één keer per jaar worden gecontroleerd; kies een jaar of korter.

access.matrix.row_error = Regel { $row }, { $label }: { $message }
access.matrix.profile_empty = vul in hoe het systeem dit profiel of deze rol noemt.
access.matrix.profile_too_long = dat is te lang; gebruik hooguit 200 tekens.
access.matrix.no_rights = kies minstens één recht: inzien, wijzigen of verwijderen.
access.matrix.duplicate = deze rol heeft dit profiel al in een eerdere regel; voeg de regels samen.
access.matrix.rights_not_list = stuur de rechten als een lijst, bijvoorbeeld ["view", "change"].
access.matrix.saved_meanwhile = iemand anders heeft de matrix net opgeslagen. Open de pagina opnieuw en probeer het nog eens.

access.yes = Ja
access.no = Nee
access.none = Niet ingevuld
access.facts.holds = Gegevens in het systeem
access.facts.classification = Classificatie
access.facts.supplier = Leverancier

access.warning.no_policy = Er is nog geen toegangsbeleid voor dit systeem.
access.warning.no_matrix = Er is nog geen autorisatiematrix voor dit systeem.
access.warning.two_step_off = Dit systeem bevat vertrouwelijke of geheime gegevens, maar inloggen gaat zonder tweestapsverificatie. Het bestuur wil tweestapsverificatie overal waar het kan.

access.pdf.title = Autorisatiematrix { $system }
access.pdf.version_line = Versie { $version }, geldig sinds { $date }.
access.pdf.no_matrix = Er is nog geen autorisatiematrix opgeslagen.
access.pdf.system = Het systeem
access.pdf.policy = Toegangsbeleid
access.pdf.no_policy = Er is nog geen toegangsbeleid voor dit systeem vastgelegd.
access.pdf.matrix = Wie mag wat
access.pdf.who = { $role }: { $profile }
access.pdf.grant = { $rights } — { $scope }
access.pdf.empty = Geen enkele rol heeft toegang tot dit systeem.

audit.entity.access_policy = Toegangsbeleid van systeem
audit.entity.access_matrix = Autorisatiematrix van systeem
audit.field.issued_by = wie accounts verstrekt
audit.field.provisioning = hoe accounts worden verstrekt
audit.field.two_step = tweestapsverificatie
audit.field.password_rule = wachtwoordeis
audit.field.review_interval = controletermijn
audit.field.note = toelichting
audit.field.rows = regels van de matrix
