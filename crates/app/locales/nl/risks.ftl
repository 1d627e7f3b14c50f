# The risk analysis (seed 001 §6.2, §14.15).

risks.field.title = Risico
risks.field.category = Categorie
risks.field.scenario = Wat kan er gebeuren (oorzaak en gevolg)
risks.field.likelihood = Kans
risks.field.impact = Impact
risks.field.score = Score
risks.field.level = Niveau
risks.field.owner = Eigenaar
risks.field.treatment = Aanpak
risks.field.measures = Maatregelen
risks.field.residual_likelihood = Kans na maatregelen
risks.field.residual_impact = Impact na maatregelen
risks.field.residual_score = Score na maatregelen
risks.field.review_date = Opnieuw bekijken op
risks.field.activity_ids = Verwerkingen
risks.field.system_ids = Systemen
risks.field.incident_ids = Incidenten
risks.field.medium_from = Middel vanaf score
risks.field.high_from = Hoog vanaf score

risks.category_unknown = kies een van de categorieën uit het beleid.
risks.treatment_unknown = kies verminderen, accepteren, vermijden of overdragen.
risks.level_unknown = onbekend niveau.
risks.likelihood_out_of_range = kies 1 (klein), 2 (middel) of 3 (groot).
risks.impact_out_of_range = kies 1 (klein), 2 (middel) of 3 (groot).
risks.points_not_a_number = vul 1, 2 of 3 in.
risks.residual_both = vul de kans en de impact na maatregelen allebei in, of allebei niet.
risks.title_in_use = er is al een risico met deze naam.
risks.seed_present = de risico's uit het beleid staan al in de risicoanalyse.
risks.thresholds_invalid = de grens voor middel ligt tussen 2 en 9 en niet boven de grens voor hoog.

risks.category.equipment = Apparatuur
risks.category.services = Diensten
risks.category.data = Gegevens
risks.category.people = Mensen
risks.category.environment = Omgeving
risks.category.organisation = Organisatie
risks.category.software = Programmatuur

risks.treatment.reduce = Verminderen (maatregelen nemen)
risks.treatment.accept = Accepteren
risks.treatment.avoid = Vermijden (de activiteit stoppen)
risks.treatment.transfer = Overdragen (verzekeren, uitbesteden)

risks.level.low = Laag
risks.level.medium = Middel
risks.level.high = Hoog

risks.likelihood.1 = 1 – Klein: minder dan jaarlijks
risks.likelihood.2 = 2 – Middel: meerdere keren per jaar
risks.likelihood.3 = 3 – Groot: kan dagelijks voorkomen
risks.impact.1 = 1 – Klein: verstoring niet-primair proces, alleen intern merkbaar
risks.impact.2 = 2 – Middel: verstoring primair proces, extern merkbaar, snel opgelost
risks.impact.3 = 3 – Groot: verstoring primair proces, reputatieschade, langdurig

risks.title = Risicoanalyse
risks.intro = Elk risico krijgt een kans en een impact van 1 tot 3; kans × impact is de risicoscore (beleid bijlage 14.15). Het niveau volgt uit de grenzen van het bestuur: { $levels }.
risks.levels = laag tot { $medium }, middel vanaf { $medium }, hoog vanaf { $high }
risks.heat_map = Risicokaart
risks.heat_map_caption = Aantal risico's per kans (rijen) en impact (kolommen), met de score en het niveau van elk vak.
risks.heat_cell = { $count } (score { $score }, { $level })
risks.list = Alle risico's
risks.none_yet = Er staan nog geen risico's in de risicoanalyse.
risks.seed_button = Begin met de risico's uit het beleid
risks.seed_hint = Neemt de twintig risico's uit bijlage 14.15 van het beleid over, met hun kans en impact. Daarna vult u per risico de aanpak en de maatregelen in.
risks.add = Risico toevoegen
risks.save = Opslaan
risks.back = Terug naar de risicoanalyse
risks.choose = Kies…
risks.optional = (niet verplicht)
risks.no_measures = Nog geen maatregelen
risks.links_hint = Koppel verwerkingen, systemen en incidenten met hun kenmerk (id), één per regel.
risks.dashboard_title = Hoge risico's zonder maatregelen
risks.dashboard_none = Alle hoge risico's hebben maatregelen.
risks.dashboard_link = Naar de risicoanalyse

audit.entity.risk = Risico
audit.entity.risk_settings = Niveaugrenzen van de risicoanalyse
audit.field.title = titel
audit.field.category = categorie
audit.field.scenario = scenario
audit.field.likelihood = kans
audit.field.impact = impact
audit.field.owner = eigenaar
audit.field.treatment = aanpak
audit.field.residual_likelihood = kans na maatregelen
audit.field.residual_impact = impact na maatregelen
audit.field.activity_ids = gekoppelde verwerkingen
audit.field.system_ids = gekoppelde systemen
audit.field.incident_ids = gekoppelde incidenten
audit.field.medium_from = grens middel
audit.field.high_from = grens hoog
audit.field.review_date = opnieuw bekijken op
nav.risks = Risico's
