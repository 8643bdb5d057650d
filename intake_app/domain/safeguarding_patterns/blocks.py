"""Building blocks shared by the pattern tables, in plain spelling.

Squeezing (``text_fold.squeeze_pattern``) happens when the engine compiles the tables.
"""

# "He went missing the meeting", "she is missing school": missing a thing, not a child missing.
NOT_MISSING_A_THING = (
    r"(?! (?:the|a|an|his|her|their|my|our|your|it|that|this|any|one|what|out|"
    r"school|lessons?|class|classes|contact|meetings?|appointments?|sessions?|"
    r"work|college|reviews?|visits?|calls?|friends|family|mum|dad|home ?work|him|them|you|"
    r"me|us|payments?|deadlines?)(?![a-z]))"
)

FILL = r"(?: [a-z]+){0,3}"  # up to three words in between: "he always just hits me"
VICTIM = (
    r"(?:me|mi|us|her|him|them|"
    r"(?:my|our|his|her|their) (?:little |big |baby |younger |older |twin |half |step ?)?"
    r"(?:brothers?|sisters?|bro|sis|siblings?|mum|mam|mom|dad|nan|cousin|friend|mate|"
    r"girlfriend|boyfriend|wife|partner|baby|kids|child|children|son|daughter|face|head|arms?|"
    r"legs?|back|neck|stomach|belly|eye|nose|mouth|lip|ear|hands?)|the (?:baby|kids))"
)
ADULT = (
    r"(?:dad|da|daddy|father|mum|mam|mom|mummy|mother|step ?dad|step ?mum|stepdad|stepmum|"
    r"boyfriend|girlfriend|partner|uncle|aunt|auntie|nan|nanna|grandad|grandma|brother|sister|"
    r"cousin|carer|foster carer|foster mum|foster dad|foster parents?|parents|staff|key ?worker|"
    r"teacher|coach|he|she|they|hes|shes|theyre)"
)
WANT = r"(?:want|wanna|wana|wanted|wantd|wnt|wants|gonna|gona|gna|going|goin|finna|ready|need)"
TO = r"(?: to| 2| ta| too)?"
HIT_VERB = (
    r"(?:hit|hits|hitting|hiting|hitted|beat|beats|beating|beaten|punch|punches|punched|"
    r"punching|kick|kicks|kicked|kicking|slap|slaps|slapped|slapping|smack|smacks|smacked|"
    r"smacking|whack|whacks|whacked|batter|batters|battered|strangle|strangles|strangled|"
    r"strangling|choke|chokes|choked|choking|throttle|throttled|shove|shoves|shoved|"
    r"push|pushes|pushed|pushing|headbutt|headbutted|burn|burns|burnt|burned|"
    r"thump|thumps|thumped|belt|belts|belted|hurt|hurts|hurting|hurted|harm|harms|harmed|"
    r"bites|bit|"
    r"attack|attacks|attacked|grab|grabs|grabbed|drag|drags|dragged|throw|throws|threw|"
    r"knock|knocks|knocked|abuse|abuses|abused|abusing|batterd|bash|bashes|bashed|lamp|lamped)"
)
# Stabbing, never "stable", "stability" or "stabilise".
STABBED = r"(?:stab|stabs|stabbed|stabbing|stabbings|stabber|stabbers|stabby)"
TOUCH = r"(?:touch|touches|touchs|tuch|tuches|touched|touching|touchin|tuching|tuched)"
BODY = (
    r"(?:privates?|private parts|private bits|bits|bum|butt|arse|ass|chest|boobs|breasts|"
    r"willy|penis|vagina|fanny|down there|body|thighs?|legs?|under my clothes|crotch)"
)



# Disclosures made on a child's behalf, in the third person: a parent, carer, advocate or
# professional writing "she is being hit", "they are not feeding him", "Jade has gone
# missing". The child is named, "he", "she", "they", "the young person", "my client", "YP",
# "my son" or "my foster child", so these patterns mostly key on the verb phrase (passive
# voice, an object pronoun, a possessive) rather than on who is speaking.
THEM = r"(?:him|her|them)"
THEIR = r"(?:his|her|their)"
CHILD_NOUN = (
    r"(?:son|daughter|grandson|granddaughter|grandchild|niece|nephew|stepson|stepdaughter|"
    r"foster (?:child|son|daughter|children)|child|children|kids?|boy|girl|baby|babies|"
    r"young person|young people|yp|client|brothers?|sisters?|little one)"
)
SOMEONE = r"(?:" + THEM + r"|(?:my|our|his|her|their|the|this|a) " + CHILD_NOUN + r")"
BE = (
    r"(?:is|are|was|were|been|being|be|gets|get|got|getting|gettin|keeps getting|hes|shes|"
    r"theyre|theyve|has been|have been|had been)"
)
# Adults in a child's life, as a third person names them (no bare pronouns: "he hit the
# target" is not a disclosure).
GROWN_UP = (
    r"(?:dad|daddy|father|mum|mam|mom|mummy|mother|step ?dad|step ?mum|step ?father|"
    r"step ?mother|boyfriend|girlfriend|partner|husband|uncle|aunt|auntie|nan|nanna|grandad|"
    r"grandma|carer|carers|foster (?:carer|carers|mum|dad|parents?|father|mother)|staff|"
    r"staff member|member of staff|key ?worker|adult|man|men|teacher|coach|cousin|brother|"
    r"sister)"
)
PARENT = (
    r"(?:mum|mam|mom|mummy|mother|dad|father|nan|step ?mum|step ?dad|partner|wife|girlfriend|"
    r"husband|boyfriend)"
)
STRONG_HIT = (
    r"(?:hit|hits|hitting|hitted|beat|beats|beating|punch|punches|punched|punching|kick|kicks|"
    r"kicked|kicking|slap|slaps|slapped|slapping|smack|smacks|smacked|smacking|whack|whacks|"
    r"whacked|thump|thumps|thumped|batter|batters|battered|strangle|strangles|strangled|"
    r"strangling|choke|chokes|choked|choking|throttle|throttled|headbutt|headbutted|hurt|hurts|"
    r"hurting|harm|harms|harmed|harming|attack|attacks|attacked|abuse|abuses|abused|abusing|"
    r"bash|bashes|bashed|bite|bites|bitten|burn|burns|burnt|burned|lamp|lamped|belt|belted)"
)
PLACE = (
    r"(?:up|down|across|along|into|against|onto|on to|on|off|out of|through|over) (?:the |a |"
    r"an |his |her |my |their |our )?(?:stairs|floor|ground|wall|walls|door|bed|table|radiator|"
    r"sofa|couch|car|room|bedroom|bathroom|cupboard|window|kitchen|road|street|garden|hallway|"
    r"corridor|landing|fence|bannister)|upstairs|downstairs|to the (?:floor|ground)"
)
