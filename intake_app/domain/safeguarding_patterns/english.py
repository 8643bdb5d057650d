"""English patterns, per kind: a child writing about themselves (``FIRST_PERSON``) and
someone writing on a child's behalf (``THIRD_PERSON``).

Data, not code: each kind maps to regular-expression alternatives written in plain spelling
against the folded text (``text_fold.normalise``); the engine (``domain.safeguarding``)
squeezes and compiles them. Negation and jokes never suppress a match.
"""

from .blocks import (
    ADULT,
    BE,
    BODY,
    CHILD_NOUN,
    FILL,
    GROWN_UP,
    HIT_VERB,
    NOT_MISSING_A_THING,
    PARENT,
    PLACE,
    SOMEONE,
    STABBED,
    STRONG_HIT,
    THEIR,
    THEM,
    TO,
    TOUCH,
    VICTIM,
    WANT,
)

FIRST_PERSON: dict[str, tuple[str, ...]] = {
    "self_harm_suicide": (
        # Farewells and looking for a way: "this is it im done. tell my lil sis i love her",
        # "nobody wud even notice if i went", "I keep googling ways to do it".
        r"tell (?:my |me )?(?:lil |little |baby |big )?(?:sis|sister|bro|brother|mum|mam|mom|nan|"
        r"dad|family|friends|everyone)(?: [a-z]+){0,2} (?:i|that i) (?:love|luv|loved) (?:her|him|"
        r"them|u|you|em)",
        r"(?:nobody|no one|noone|no1) (?:would|wud|wd|will|would even|wud even|even) (?:even )?"
        r"(?:notice|care|miss me)(?: [a-z]+){0,3} (?:if|when) i (?:went|was gone|wasnt here|"
        r"died|disappeared|left for good)",
        r"(?:googl\w*|search\w*|looking up|looked up|reading about) (?:ways|how) (?:to|2) (?:do it|"
        r"kill|end it|die|hang|overdose|od)",
        # A noose or rope made ready, told briefly: "got the rope sorted. bye".
        r"(?:got|have|bought|found|tied|made) (?:the|a|my) (?:rope|noose|ligature)(?: [a-z]+){0,2}"
        r" (?:sorted|ready|up|tied|bye|goodbye)",
        # Standing at a height and saying goodbye: "stood on the bridge... before I go".
        r"(?:im|i am|i m) (?:stood|standing|sat|sitting|up) on (?:the |a |top of the )?(?:bridge|"
        r"roof|ledge|edge|cliff|railway|tracks|multi ?storey)(?! of)",
        # Harm told as past that starts again: "I used to cut and I want to do it again".
        r"(?:used to|use to|i did|ive) (?:self ?harm\w*|cut\w*|hurt my ?self|burn\w* my ?self)"
        r"(?: [a-z]+){0,8} (?:again|(?:want|wanna|going|gonna|about) (?:to )?(?:do|start) "
        r"(?:it|that)|started|relaps\w*)",
        r"(?:written|wrote|writing|left|leaving) (?:my |some |the )?(?:(?:goodbye|suicide|last|"
        r"farewell) (?:letters?|notes?)(?: (?:to|for) (?:everyone|every one|my \w+))?|(?:letters?|"
        r"notes?) (?:to|for) (?:everyone|every one|all of (?:you|them)))",
        # A farewell: "this is my last message", "by the time you read this".
        r"(?:this is|its|this will be) my (?:very )?last (?:message|msg|text|post|snap)"
        r"(?! (?:about|before|to (?:you|u) about|on this|regarding|of the day|for today))|by the "
        r"time (?:you|u) (?:read|get|see) this",
        r"(?:dont|do not|dnt|cant|cannot) (?:want to |wanna |wana )?(?:carry on|go on|keep going)"
        r"(?! (?:with|at|in|to) )",
        # At a height and wanting to jump; a rope or noose made ready; "not here tomorrow".
        r"(?:on|at|standing on|stood on|sat on|sitting on|up on|on top of|top of|edge of) (?:the "
        r"|a |this |that |my )?(?:top of (?:the |a )?)?(?:bridge|roof|cliff|ledge|balcony|edge|"
        r"multi ?storey|car park|tower|top floor|flats|building|railway|train tracks|tracks)"
        r"(?: [a-z0-9]+){0,8} (?:jump|jumping|to jump|step off|let go)(?! (?:on|in|about|around|"
        r"up and down|for joy))|(?:rope|noose|ligature)(?: [a-z]+){0,3} (?:ready|round my neck|"
        r"around my neck|tied|set up)|not (?:gonna|gona|gna|going to) be (?:alive (?:tomorrow|by|"
        r"in the morning|much longer|for long)|(?:here|around) (?:by (?:the )?morning|much "
        r"longer|for (?:much )?longer|this time tomorrow|after tonight))",
        # "kill me" alone, not a threat from someone else ("he'll kill me", "dad will kill me").
        r"kms|(?<!hel )(?<!shel )(?<!theyl )(?<!wil )(?<!hed )(?<!shed )(?<!theyd )(?<!would )"
        r"(?<!gona )(?<!gna )(?<!going to )(?<!wants to )(?<!wanted to )(?<!trying to )"
        r"(?<!tried to )(?<!threatened to )(?<!to )kill me",
        r"kill(?:ing|ed|in)? ?(?:my ?self|myslef|mysefl|meself|me self)",
        r"(?:end|ending) (?:it all|my (?:own )?life|things)|(?:take|taking) my (?:own )?life",
        WANT + TO + r"(?: just)? (?:die|dye|be dead|not be here|not exist|disappear forever"
        r"|sleep forever|not wake up|end it)",
        r"(?:wish|wished) (?:i|id)(?: was| were| had)? (?:dead|never been born|never born|not alive"
        r"|wasnt (?:alive|born|here))",
        r"(?:rather|better off) (?:be )?dead|better off without me|should just die",
        # "live here / with them" is about a placement, not about staying alive.
        r"(?:dont|do not|dnt|dont even) (?:want|wanna)(?: to| 2)? (?:live(?! (?:here|there|with|"
        r"at) )|be alive|be here(?! with)"
        r"(?: any ?more)?|exist|wake up)",
        r"un ?alive|unaliving|sewer ?slide|suicid\w*|sucid\w*|suicd\w*|suiside\w*|sucide\w*|"
        r"suiced\w*",
        r"self ?harm\w*|self ?injur\w*|selfharm\w*|self ?hate and cut",
        r"(?:cut|cuts|cutting|cuting|cutin|hurt|hurts|hurting|harm|harming|burn|burning|burnt|"
        r"burned|starve|starving|punish|punishing|scratch|scratches|scratched|scratching|carve|"
        r"carves|carved|carving|slice|slices|sliced|slicing|stab|stabbing|stabbed|bite|biting|"
        r"pinch|pinching)(?: (?:into|in to|at|up|open|all over))? ?(?:my ?self|meself|me self|"
        r"my (?:own )?(?:arms?|wrists?|legs?|thighs?|skin|stomach|tummy|belly|hips?|body|"
        r"hands?|ankles?))",
        # Hitting oneself, and the things used to cut or burn ("with a compass", "a sharpener").
        r"(?:hit|hits|hitting|punch|punches|punching|punched|slap|slapping|bang|banging|"
        r"bash|bashing|starve|starving|choke|choking) ?(?:my ?self|meself)|"
        r"(?:bang|bangs|banging|banged|hit|hitting|smash|smashing) my head (?:on|against|off) "
        r"(?:the |a )?(?:wall|walls|floor|door)|(?:arms?|wrists?|legs?|thighs?|skin|stomach|"
        r"hips?) with (?:a |the |my )?(?:compass|sharpener|blade|razor|knife|scissors|glass|"
        r"lighter|pin|needle|pen knife|stanley knife)|(?:compass|sharpener|blade|razor|"
        r"lighter|scissors|glass|needle|pin) (?:on|to|into|in to|across) my (?:arms?|wrists?|"
        r"legs?|thighs?|skin|stomach|hips?)|(?:into|in to) my (?:own )?skin|"
        r"(?:carve|carves|carved|carving|cut|cuts|cutting|etch|etched|etching|scratch|scratched|"
        r"scratching|burn|burnt|burned|burning)(?: [a-z]+){0,3} (?:into|in to|in|on) my (?:own )?"
        r"(?:arms?|wrists?|legs?|thighs?|skin|stomach|tummy|hips?|chest)|"
        r"(?:thought|thoughts|think|thinks|thinking|keep thinking) (?:about|of|bout|abt) "
        r"(?:jumping|jump|ending it|ending my|killing my|hanging my|overdosing|cutting|"
        r"hurting my|dying|not being here|taking my (?:own )?life|taking (?:all )?my tablets)|"
        r"(?:take|took|taking) (?:the )?blade out of (?:a |my )?sharpener",
        r"(?:cut|cutting|cuting) again|(?:i|me|been|started|start|keep|keeps|still|stop|stopped|"
        r"about|im) (?:cut|cutting|cuting|cutin)(?! (?:off|down|out|back|in|up|the|my "
        r"hair|hair|class|school|lessons|contact|me off|us off))",
        # Taking one's own medicine is not a disclosure ("took my meds"); all of it is.
        r"over ?dose\w*|overdos\w*|od on|took (?:all (?:of )?(?:my |the )?|loads of (?:my |the )?|"
        r"a load of |too many |a lot of |lots of )(?:pills|tablets|meds|paracetamol)",
        r"kill(?:ing|ed|in)? (?:him|her|them) ?sel(?:f|ves)|(?:cut|cuts|cutting|hurt|hurts|"
        r"hurting|harm|harming|burn|burning) (?:him|her|them) ?sel(?:f|ves)|(?:he|she|they) "
        r"(?:wants?|wanted|wanna|said (?:he|she|they) wants?) (?:to )?die|"
        r"(?:take|took|taking|tried to take) (?:his|her|their) (?:own )?life",
        r"(?:take|swallow) all (?:my|the|of my|of the) (?:pills|tablets|meds|paracetamol)",
        r"jump (?:off|in front of)|hang(?:ing)? ?(?:my ?self)|(?:jump|jumps|jumping|jumped|"
        r"throw my ?self|throwing my ?self|step|stepping|walk|walking|fall|falling|lie|lying)"
        r" (?:off|from|in front of|under|of) (?:a |the |that |this |some |my |our )?(?:bridge|"
        r"roof|building|cliff|balcony|window|multi ?storey|car park|tower|block|flats|train|"
        r"trains|lorry|bus|car|motorway|top floor|top of)|no point (?:in )?(?:living|being "
        r"(?:alive|here)|going on|me being here)|cant go on(?: like this| any ?more)|"
        r"cant do this any ?more|no reason to live|ctb|dont want to wake up|"
        r"want it all to end|not be here any ?more|not worth living|end my self|"
        r"cant take (?:it|this|any ?more)(?: any ?more)?|want (?:it|everything|the pain|this) "
        r"to stop|disappear forever|if i (?:just )?(?:died|was dead|was gone|killed my ?self|"
        r"wasnt here|wasnt alive)|sh again|been sh|shing|sui ?cid\w*",
        r"(?:end|ending) (?:it|everything|this|my suffering)|never wake up|(?:so |just )?done "
        r"with (?:everything|life|it all|living|being alive)|(?:tired|sick) of (?:living|life|"
        r"being alive)|(?:dont|do not|cant|dnt) see (?:the|any|a) point(?: (?:in|of|to))?"
        r"(?: (?:any ?more|anything|living|life|going on|carrying on|trying|being here|being "
        r"alive|me|it all|it any ?more|waking up|existing)|$)|whats (?:even )?the point (?:of|"
        r"in) (?:me|living|life|anything|going on|carrying on|being here|being alive|"
        r"existing|waking up|trying any ?more)|(?:theres|there is|no) (?:just )?(?:no )?point "
        r"(?:in |to |of )?(?:anything|me|living|life|any ?more|existing)|"
        r"(?:better|happier|easier) (?:off )?(?:if|when) i (?:wasnt|was not|werent|wasn|"
        r"was never|wasnt ever|am not|m not|was|were) (?:around|here|alive|about|born|in it|"
        r"gone|dead|there|in the picture|in this world)|(?:better|happier|easier) (?:off )?"
        r"without me|(?:if|when) i (?:wasnt|was not|werent) (?:around|about|alive|here|born)|"
        r"(?:if|when) i (?:disappeared|vanished|was gone|never woke up|never came back)|"
        r"(?:go to |went to |just )?sleep and (?:never|not) wake up|"
        r"(?:im|i am|feel like (?:im |i am )?|being|just) (?:just |such |a )?(?:a )?burden|"
        r"(?:goodbye|good bye|bye|suicide) (?:letters?|notes?|messages?|texts?)|"
        r"(?:letters?|notes?|messages?) (?:saying|to say) (?:goodbye|good bye|bye|sorry)|"
        r"say(?:ing)? goodbye to (?:everyone|everybody|all of you|every one|my family)|"
        r"(?:giving|gave|give) (?:all )?my (?:stuff|things) away|"
        r"(?:swallow|swallowed|swallowing|take|took|taking|neck|necked|necking|down|downed|"
        r"downing|had|have) (?:all|every ?thing|every pill|loads|a load|lots|the whole|a whole|"
        r"handfuls?|too many|a bunch|a packet|a box|a bottle|the lot|a handful)(?: of)?"
        r"(?: [a-z]+){0,3} (?:pills|tablets|meds|medicine|paracetamol|painkillers|"
        r"cupboard|cabinet|box|packet|bottle|lot)|swallow\w*(?: [a-z]+){0,4} (?:pills|"
        r"tablets|meds|paracetamol|painkillers|medicine|bleach)|(?:want|wanna|wish|hope) (?:i|"
        r"to)? ?(?:could )?(?:just )?die|"
        r"(?:i|im|i am) (?:going|gonna) to (?:do something stupid|hurt my ?self)",
        r"(?:new|fresh) (?:scars|cuts)|scars?(?: [a-z]+){0,5} (?:wont|doesnt|didnt|wouldnt|"
        r"refuses to|cant|will not|does not) (?:say|tell|explain)|"
        r"(?:what|things) i do to my ?self|(?:cant|can not|cannot|not) cop(?:e|ing)|"
        r"struggling to cope|(?:want|wish) (?:it|this|everything|it all) (?:to be|was|were) over|"
        r"better off gone|(?:happier|better) (?:if|when) i (?:was|were|am|m) (?:gone|dead|"
        r"not here)|bad thoughts|dark thoughts|intrusive thoughts",
        r"(?:took|take|taking|used|use|using) (?:a |the )?(?:razor|blade|knife|"
        r"sharpener|glass) (?:to|on) my",
    ),
    "physical_abuse": (
        # Burned on purpose: "my carer held my hand on the hob".
        r"(?:held|put|pushed|forced|pressed|stuck) (?:my|her|his) (?:hand|hands|arm|face|head|"
        r"fingers) (?:on|onto|in|into|under|against) (?:the |a )?(?:hob|cooker|fire|iron|kettle|"
        r"hot water|radiator|oven|heater|boiling water)",
        # Someone else slamming a head or hand into something ("slammed my hed in2 the door").
        r"(?:slam|slams|slammed|slamming|smash|smashed|smashing) (?:my|his|her) (?:head|hed|face|"
        r"hand|fingers?|arm)(?: [a-z]+){0,2} (?:in|into|on|against|off) (?:the|a|my) (?:door|"
        r"wall|floor|table|car|window|fridge)",
        r"(?<!it )(?<!that )(?<!this )" + HIT_VERB + r" (?:me|mi|us)(?! off)",
        r"(?:" + ADULT + r"|who|and|just|always|keeps|still)" + FILL + r" " + HIT_VERB
        + r" " + VICTIM,
        r"beat (?:me|us|her|him) up|beaten up|battered me|got (?:beat|battered|hit|punched|"
        r"slapped|smacked)|gets (?:beat|battered|hit)|get (?:hit|beaten|smacked)",
        r"(?:bruise|bruises|bruised|bruising|black eye|split lip|fat lip|bust lip|busted lip|"
        r"bust nose|bloody nose|broken (?:nose|ribs?|jaw|arm|wrist|fingers?)|marks on (?:my|her|"
        r"his)|"
        r"cuts on (?:my|her|his)|burns on (?:my|her|his)|bust (?:my|her|his) lip|"
        r"(?:hit|hits|beat|beats) (?:me |us )?with (?:a|the|his|her) \w+|throws things at)",
        r"physical(?:l?y)? abus\w*|physical abuse|violent (?:to|towards) (?:me|us)|"
        r"pulled my hair|pulls my hair|by my (?:neck|throat|hair)|hands round my (?:neck|throat)",
        r"(?:held|holds|hold|holding|pinned|pins|pin|pinning) (?:me|us|him|her) (?:down|to the|"
        r"on the|against|up against)|restrain\w*|(?:sat|sit|sits|sitting|knelt|kneel|kneels|"
        r"kneeling|lay|lays|laid|lying|jumped|stood|stands|standing) on (?:me|us|(?:him|"
        r"her)(?! (?:phone|phones|"
        r"laptop|computer|tablet|ipad|bed|sofa|couch|chair|seat|bum|backside|arse|lap|knee|own|"
        r"desk|hands|bike|car|break|lunch))|my (?:back|"
        r"chest|legs?|arms?|neck|head|stomach))|(?:put|puts|putting|had) (?:me|us|him|her) in "
        r"(?:a )?(?:hold|headlock|head lock|restraint|arm lock)|headlock|face ?down on the|"
        r"(?:twisted|twists|twisting|bent|bends|bending) (?:my|her|his) (?:arms?|wrists?|fingers?)"
        r"(?: behind| back)?|(?:goes|go|going|went|gone|comes|came|coming|come|flies|flew|"
        r"lashes|lashed|lashing|lunges|lunged|laid|lays) (?:for|into|out at|at|hands on) "
        r"(?:me|us|my (?:little |big )?(?:brother|sister|mum|mam|mom|dad|nan))|"
        r"(?:puts|put|putting|laid|lays|lay) (?:his|her|their) hands on (?:me|us|my|her|him)|"
        r"(?:off|from) (?:my |his |her )?(?:dad|mum|mam|step ?dad|step ?mum|carer|foster \w+|"
        r"boyfriend|uncle|brother)(?: [a-z]+){0,2} (?:hitting|punching|kicking|slapping|"
        r"hurting|beating)|"
        r"(?:couldnt|cant|could not|can not) breathe|(?:blood|bleeding)(?! (?:test|tests|"
        r"pressure|sugar|donor|type))",
        r"(?:gave|gives|give|giving|got|get|gets) (?:me|us|him|her|my \w+) (?:a |another )?"
        r"(?:slap|smack|beating|hiding|kicking|punch|black eye|clip round the ear|whack|battering)|"
        r"abus\w*|assault\w*|violen\w*|bruis\w*|slap\w*|punch(?:es|ed|ing)?|beaten|beatings?|"
        r"strangl\w*|chok(?:e|es|ed|ing)(?! up)|(?:hit|hits|beat|beats|hurt|hurts) (?:me|us|"
        r"him|her) with",
    ),
    "sexual_abuse": (
        r"(?:gets?|got|getting|comes?|came|coming) (?:in|into) (?:the |my |her |his )?"
        r"(?:shower|bath|bed) with (?:me|her|him|them|us)",
        TOUCH + r" (?:me|mi|her|him|us)|(?:feels?|felt|feeling) (?:me|her|him|us) up",
        r"(?:keeps|always|tries to|tried to|trying to|wants to|made me|makes me) " + TOUCH,
        TOUCH + r" (?:my|her|his|me on my|me on the) " + BODY,
        r"raped?|raping|rapes|rapist|molest\w*|sexual(?:l?y)? (?:abus\w*|assault\w*|exploit\w*)|"
        r"sexual abuse|cse\b|groom(?:ed|ing|s)?\b|paedo\w*|pedo\w*|nonce",
        r"nudes|naked (?:pics|pictures|photos|pic)|(?:send|sent|sends|asks? for|asked for|"
        r"wants?|wanted) (?:me )?(?:to send )?(?:him |her |them )?(?:pics|pictures|photos|"
        r"snaps|videos) of (?:me|us|my ?self|my body)|pics of my body",
        r"(?:have|had|has|having|do|doing|did) (?:sex|sexual \w+) (?:with|to) "
        r"(?:me|her|him|them|us)|(?:made|make|makes|making) (?:me|her) (?:have sex|do sexual"
        r"|give|suck)|sex with (?:me|him|her|them|older|men)|(?:made|make|makes|making) "
        r"(?:me|her|us) do (?:stuff|things)(?: [a-z]+){0,3} (?:dont|didnt|do not) (?:want|like)",
        r"(?:shows?|showed|shown|made me watch|makes me watch) (?:me )?(?:porn|his (?:willy|"
        r"penis|privates|thing))|flash(?:es|ed|ing) (?:me|at me|his)|"
        r"(?:comes?|came|gets?|got|creeps?) (?:into|in) (?:my|our) (?:bed|room at night|"
        r"room when)|in my bed (?:at night|with me)|inappropriate(?:ly)? touch\w*|"
        r"touch\w* inappropriate\w*|wont leave me alone at night",
        r"(?:ask|asks|asking|asked|keeps asking) (?:me )?for (?:pics|pictures|photos|nudes|"
        r"videos|snaps)|(?:says?|said|saying|tells me|told me|calls me|called me) (?:im|i am|i "
        r"look|i was) (?:sexy|hot|fit|beautiful)|(?:met|meet|talking to|talk to|chatting to) "
        r"(?:a|an|some|this)? ?(?:man|guy|bloke|person|older \w+|someone) online|(?:man|guy|bloke"
        r"|person|someone) (?:i met |from )?online|(?:tried|tries|trying) to kiss me|kissed me|"
        r"(?:force|forces|forced|forcing) me (?:to|into) (?:have sex|do|sex|touch|kiss|give)|"
        r"(?:made|makes|make|making) me touch (?:him|her|them|his|it)|"
        r"older (?:men|man|guys|guy|lads|boys) (?:give|gave|buy|bought|pick|picked|take|took|"
        r"drive|drove)|(?:for|in exchange for) (?:sex|sexual)|party houses?",
        r"(?:rude|dirty|naked|nude|sexual|explicit|inappropriate) (?:pics|pictures|photos|"
        r"videos|messages|snaps|texts|images|vids)|dick pics?|(?:sends?|sent|showing|shows?) "
        r"me (?:rude|dirty|naked|explicit|porn)|(?:our|a) (?:little )?secret|keep (?:it|this) "
        r"(?:a )?secret",
        r"(?:wants?|wanted|asks?|asked|trying|tries|tried) (?:me )?to (?:sleep with|have sex|"
        r"sext|kiss|touch|do stuff with) (?:me|him|her|them)?|(?:comes?|came|walks?|walked|barges?)"
        r" (?:in|into) (?:the|my) (?:bathroom|shower|room when im (?:changing|getting changed|in "
        r"bed))|when im (?:in the shower|in the bath|getting changed|changing)|watch(?:es|ed)? me "
        r"(?:shower|change|get changed|in the bath)|(?:man|men|guy|guys|bloke|older \w+|adults?)"
        r"(?: [a-z]+){0,2} (?:gives?|gave|buys?|bought) (?:me|us) (?:vapes?|alcohol|drink|weed|"
        r"cigs|cigarettes|fags|money|presents|gifts|drugs)|(?:\d\d|older) year old (?:man|guy|"
        r"bloke)|porn\w*|naked|nudes?|molest\w*|grope\w*|groping",
        r"(?:coming|creeping|getting|climbing|comes|creeps|gets|came|got) (?:into|in) (?:my|our) "
        r"(?:bed|room at night)|(?:makes?|made|making|wants?|wanted|tells?|told) (?:me|her|us) "
        r"(?:to )?(?:sleep|get|lie|lay) in (?:his|her|their) bed|(?:keep|keeping|kept) (?:secrets|"
        r"a secret)|(?:get|got|getting) in(?:to)? (?:a|the|their|his) (?:car|van) with (?:some |"
        r"these |older |a )?(?:men|man|guys|strangers|people i dont know|older)",
        # Under-16 pregnancy and an adult with a child: safeguarding whatever else is said.
        r"(?:pregnant|preg|pregnent|pregant|preggers|preggo|pregnancy|up the duff|having a baby|"
        r"expecting a baby|got a baby|having his baby)(?: [a-z0-9]+){0,6} (?:(?:1[0-5]|ten|"
        r"eleven|twelve|thirteen|fourteen|fifteen)(?! ?(?:weeks?|wks?|months?|days?|w|m|years? "
        r"ago))|year (?:7|8|9|10|11|seven|eight|nine|ten|eleven))|"
        r"(?:im|i am|i m|aged?|shes|she is|hes|he is|only|just|turned|and|is) (?:1[0-5]|ten|eleven|"
        r"twelve|thirteen|fourteen|fifteen)(?: ?(?:yo|yrs?|years?(?: old)?))?(?! ?(?:weeks?|wks?|"
        r"months?|days?|w|m))(?: [a-z0-9]+){0,6} (?:pregnant|preg|pregnent|pregant|preggers|"
        r"preggo|up the duff|having a baby|expecting)",
        r"(?:boyfriend|bf|fella|man|guy|bloke|lad|he|hes|she|shes|girlfriend|gf|someone|person"
        r"|boy)(?: (?:is|who is|whos|thats|that is|aged|s))? (?:1[89]|[2-9]\d)(?: ?(?:yo|yrs?|"
        r"years?(?: old)?))?(?: [a-z0-9]+){0,6} (?:im|i am|i m|me|shes|she is|hes|he is|and "
        r"me) (?:only |just )?(?:1[0-5]|ten|eleven|twelve|thirteen|fourteen|fifteen)(?! ?(?:weeks?|"
        r"months?|days?))|(?:im|i am|i m|shes|she is) (?:only |just )?(?:1[0-5]|twelve|thirteen|"
        r"fourteen|fifteen)(?: [a-z0-9]+){0,6} (?:boyfriend|bf|fella|man|guy|bloke|he|hes|"
        r"girlfriend|gf)(?: (?:is|s))? (?:1[89]|[2-9]\d)(?! ?(?:weeks?|months?|days?|mins?|"
        r"minutes))|(?:man|guy|bloke|lad|fella|someone|person|boy)(?: [a-z]+)? (?:whos|who is|"
        r"thats|that is|aged|who s) (?:1[89]|[2-9]\d)(?! ?(?:weeks?|months?|days?|mins?))",
        r"(?:sit|sat|sitting|sits) on (?:his|her|their|the mans|a mans) (?:lap|knee)|"
        r"(?:come|comes|coming|came|creep|creeps|creeping|crept|sneak|sneaks|sneaking|snuck|"
        r"get|gets|getting|got|walk|walks|walking|walked|barge|barges|barging) (?:into|in|"
        r"inside) (?:my|our|her|his) (?:room|bed|bedroom)(?: [a-z]+){0,3} (?:at night|in the "
        r"night|every night|when (?:im|i am|were|we are|shes|hes) (?:asleep|sleeping|in bed|"
        r"changing|getting changed|naked)|while (?:im|i am|were|we are|shes|hes))",
    ),
    "emotional_abuse": (
        r"(?:should|shud|shoulda|shouldve|should of|should have|shud of|shud have|wish (?:she|he|"
        r"they) had|wishes (?:she|he|they) had) (?:aborted|got rid of) (?:me|us|him|her)|(?:says|"
        r"said|sez|tells me|told me|calls me|called me) (?:im|i am|i was|i m) (?:a mistake|an "
        r"accident|a waste of space|nothing)",
        r"(?:scared|scarred|scard|skared|frightened|terrified|afraid|petrified|frit|fritened)"
        r"(?: [a-z]+){0,2} (?:of|off) (?:him|her|them|my|me (?:dad|mum)|going (?:back )?home|"
        r"goin home|being at home|" + ADULT + r")",
        r"(?:scared|frightened|terrified|afraid) (?:of )?what (?:hell|shell|theyll|he will|she "
        r"will|they will|he would|she would|they would|he might|she might|they might|hed|shed)|"
        r"if i (?:tell|told|say|said) (?:anyone|anybody|someone|you|my social worker|a teacher)|"
        r"(?:hell|shell|theyll|he will|she will|they will|hes gonna|shes gonna|theyre gonna) "
        r"(?:hurt|kill|beat|batter|get) (?:me|my|us)|"
        r"(?:scared|frightened|terrified|afraid)(?: [a-z]+){0,2} (?:to|2) (?:go|goin|going) "
        r"(?:back )?home|(?:scared|frightened|terrified) (?:all the time|at home|in my house|"
        r"in the house)|(?:scared|frightened|terrified) (?:he|she|they)(?:ll| will| is going|"
        r" are going)",
        r"threat\w*|threten\w*|thret\w*|(?:kill|hurt|batter|beat|murder|end) (?:me|us)(?: [a-z]+)?"
        r" if (?:i|we) (?:tell|told|say|said|snitch|grass)",
        r"(?:says|said|told me|tells me)(?: that)? (?:hell|shell|theyll|he will|she will|"
        r"they will|he is going to|she is going to|they are going to|hes gonna|shes gonna|"
        r"theyre gonna|he would|she would|they would|hed|shed|theyd)" + FILL
        + r" (?:kill|hurt|beat|batter|stab|kick me out|throw me out|put me in care|"
        r"send me away|get rid of me|smash|do me in)",
        r"(?:calls?|called|calling) me (?:names|stupid|fat|ugly|thick|worthless|useless|"
        r"a waste|retard\w*|a slag|slag|a slut|slut|a whore|dumb|a bitch|bitch|a cunt)",
        r"(?:tells?|told|says?|said) (?:me )?(?:im|i am|i was|i'm)(?: just)? (?:worthless|"
        r"useless|stupid|a mistake|nothing|a waste|a burden|unwanted|disgusting|evil|the "
        r"devil)|wishes i was never born|wish(?:es|ed)? (?:i|id) (?:was|had) never been born",
        r"(?:screams?|screaming|screamed|yells?|yelling|yelled|swears?|swearing|swore) "
        r"(?:at|in) (?:me|us|my face)",
        r"(?:locks?|locked|locking|shuts?|shut) (?:me|us) (?:in|out)|locked in (?:my|the|a) "
        r"(?:room|bedroom|cupboard|shed|house)|emotional(?:l?y)? abus\w*|mental(?:l?y)? abus\w*|"
        r"humiliat\w*|wont let me (?:eat|leave the house|leave my room|see anyone)",
        r"(?:scared|frightened|terrified|afraid|petrified)(?: that| cos| because)? (?:hes|he|"
        r"shes|she|theyre|they|hell|shell|theyll|hed|shed|theyd)(?: is| are| will| would)? "
        r"(?:going to|gonna|coming|come|will|might|get|find|hurt|do|kill|be)|"
        r"(?:said|told me|tells me|says) not to tell|(?:not|dont) (?:to )?tell (?:anyone|anybody|"
        r"my mum|my dad|my social worker|my parents)",
        r"(?:scared|frightened|terrified|petrified|afraid|scard|skared)(?! of (?:spiders|dogs|the "
        r"dark|heights|exams|needles|the dentist|clowns))",
    ),
    "neglect": (
        # Days without a meal: "we havent had a proper dinner since friday".
        r"(?:havent|have not|hasnt|has not|not|never) (?:had|eaten|ate|got)(?: a| any)?(?: proper| "
        r"hot| real)? (?:dinner|meal|food|tea|breakfast|lunch)s? (?:since (?:monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday|yesterday|the weekend|last (?:night|week))|"
        r"for (?:\d+|two|three|four|five|a few) days)",
        # A young child alone and a parent not back: "im home on my own and mummy isnt back".
        r"(?:on my own|by my ?self|alone|home alone)(?: [a-z]+){0,8} (?:mummy|mum|mam|mammy|mommy|"
        r"mom|daddy|dad|nanny|nan)(?: [a-z]+){0,2} (?:isnt|is not|hasnt|has not|not|still not) "
        r"(?:back|home|come back|come home)",
        r"(?:hasnt|has not|havent|have not|didnt|did not|never|not) (?:come|came|been) "
        r"(?:back|home)(?: [a-z]+){0,8} (?:just me|only me|on (?:my|our) own|by (?:my|our) "
        r"?sel(?:f|ves)|alone|no food|no one else|nobody else)",
        r"(?:come|comes|coming|came|arrive\w*|turn\w* up|go|goes|sent) (?:in)?to (?:school|"
        r"nursery|college) (?:hungry|starving|dirty|smelly|unwashed|with no (?:food|coat|lunch)|"
        r"in the same clothes)|(?:same|dirty) clothes (?:all|every|for) (?:week|day|days|the "
        r"week)",
        r"(?:baby|babies|toddler|little ones?|younger ones?|kids|children|little (?:brother|"
        r"sister)) (?:is |are |was |were |gets |get |keeps being |being )?left (?:alone |on "
        r"(?:her|his|their) own )?(?:with|by|in the care of) (?:the |a |her |his |their |my |"
        r"our )?(?:\d+|six|seven|eight|nine|ten|eleven|twelve) ?(?:year old|yr old|yo|years "
        r"old)?",
        r"(?:dont|do not|dnt|not|never|cant|dont really) (?:feel )?(?:very |really |that |so )?"
        r"(?:safe|saf|sfe)|unsafe|"
        r"not safe|feel(?:s|ing)? unsafe",
        r"no food|not (?:been |being |getting )?fed|dont (?:get|have|got) (?:any |enough )?"
        r"(?:food|dinner|tea|breakfast|meals?)|nothing to eat|no ?thing to eat|"
        r"(?:havent|hasnt|have not|not) (?:eaten|ate|had (?:anything|food|a meal))|"
        r"(?:never|not|isnt|aint|hardly|hardly ever) (?:any|enough) food|"
        r"hungry (?:all the time|every day|at night|again)|always hungry|starving (?:all|every|"
        r"at)|go to bed hungry|no dinner|food (?:is )?locked|locks? the (?:fridge|food|kitchen)",
        r"(?:left|leaves|leave|leaving) (?:me|us|my (?:brother|sister|little \w+)|the kids)"
        r"(?: [a-z]+){0,2} (?:alone|on (?:my|our) own|by (?:my|our) ?sel\w*|home alone)|"
        r"home alone|on (?:my|our) own all (?:night|weekend|day)|(?:left|leaves|leave|leaving|"
        r"goes off and leaves|disappears and leaves) (?:me|us|my (?:brother|sister|little \w+)|"
        r"the kids) (?:for|all) (?:days|the weekend|weekends|nights?|hours|ages|a week)|(?:left|"
        r"leave|leaves) (?:me )?to "
        r"look after|look after my (?:baby|little) (?:brother|sister|brothers|sisters)(?: [a-z]+)"
        r"{0,3} (?:all night|on my own|by my ?self)|(?:starves?|starving|starved) (?:me|us)|"
        r"nobody (?:looks after|feeds|"
        r"cares for) (?:me|us)|no one (?:looks after|feeds|cares for) (?:me|us)",
        r"(?:drunk|pissed|wasted|off (?:his|her|their) (?:face|head)|high|smashed|mashed)"
        r"(?! off)(?: [a-z]+){0,2} (?:all the time|every (?:day|night)|again|always)|"
        r"(?:always|keeps getting|gets|got) (?:drunk|pissed|wasted|high|stoned|off (?:his|her|"
        r"their) face)(?! off)|(?:is|are|was|were) (?:drunk|wasted|stoned|off (?:his|her|their) "
        r"face)|(?:takes|taking|on|does|doing|"
        r"smokes|smoking) (?:drugs|crack|heroin|coke|spice)|drinks? all the time|alcoholic|"
        r"(?:drinks|drinking|drank) (?:a lot|loads|too much|every (?:day|night)|all day|all "
        r"night|heavily|so much)|(?:drinks|drinking|drunk|pissed|hammered|steaming|wasted)"
        r"(?: [a-z]+){0,3} (?:and|then|n) (?:then )?(?:goes|gets|kicks off|starts|hits|lashes|"
        r"comes|shouts|screams)",
        r"(?:no|dont have|havent got) (?:clean )?(?:clothes|bed|heating|electric\w*|gas|water|"
        r"hot water|nappies|milk)(?! allowance)|sleep(?:ing)? on the floor|dirty clothes|"
        r"bed ?bugs|no one takes me to the (?:doctor|dentist|hospital)|neglect\w*",
        r"(?:doesnt|dont|never|wont|not|dont ever|never ever|hardly) (?:feed|feeds|feeding) "
        r"(?:me|us)|(?:doesnt|dont|never|wont|hardly) (?:give|giving|gives) (?:me|us) (?:any )?"
        r"(?:food|dinner|tea|breakfast|anything to eat)|always (?:starving|hungry)|"
        r"(?:im|i am|were|we are|we re) (?:always |so )?starving|(?:mum|mam|dad|parents|she|he|"
        r"they)(?: [a-z]+){0,1} (?:hasnt|havent|has not|have not|didnt|did not|not) (?:been|come|"
        r"came) (?:home|back)",
        r"(?:not|never) allowed (?:food|to eat|dinner|tea|breakfast|meals)|no money for (?:food|"
        r"meals|the meter|electric|gas)|run out of (?:food|meds|medication|insulin|money for food)|"
        r"passed out|needles|(?:living|sleeping|sleep|live|been living) in (?:a|the|our|my|his|her)"
        r" (?:car|van|tent)|drugs|cocaine|heroin|crack|overdos\w*",
        r"(?:havent|hasnt|not|no|never|without) (?:had |got |have )?(?:a )?"
        r"(?:proper |decent |hot )?(?:meal|meals|food|dinner|tea)(?: [a-z]+){0,2} (?:in|for) "
        r"(?:days|ages|a week|weeks)|"
        r"(?:days|weeks) without (?:food|eating|a meal)|go without (?:food|eating|meals)",
    ),
    "domestic_abuse": (
        r"(?:" + ADULT + r")" + FILL + r" " + HIT_VERB + r" (?:my |me |his |her |their )?"
        r"(?:mum|mam|mom|mother|mummy|dad|father|nan|step ?mum|step ?dad|partner|wife|girlfriend)",
        r"domestic (?:violence|abuse)|\bdv\b|(?:mum|mam|mom|mother)s? (?:boyfriend|partner) "
        r"(?:is|gets) (?:violent|aggressive)|(?:fight|fights|fighting|argue|argues|arguing|"
        r"rows?)(?: [a-z]+){0,3} (?:and|till|until) (?:the police|police|someone gets hurt|"
        r"things get smashed|hits?)|(?:parents|mum and dad|mam and dad|they) (?:fight|fighting|"
        r"fights)(?: [a-z]+){0,2} (?:all the time|every night|every day|again|physically)|"
        r"(?:smash|smashes|smashed|smashing|break|breaks|broke|throwing|throws|threw) "
        r"(?:things|stuff|the house|up the house|plates|doors|the tv)|police (?:came|come|were "
        r"called|keep coming) (?:to|round|out)",
        r"(?:punch|punches|punched|punching|kick|kicks|kicked|smash|smashes|smashed|hit|hits) "
        r"(?:the|a) (?:wall|walls|door|doors|window)|(?:fist|hole) (?:through|in) the (?:wall|"
        r"door)|(?:next to|near|at) (?:her|his|my mums|mums|my mams|mams|my) (?:head|face)|"
        r"(?:scream|screaming|screams|shouting|shout) at each other",
        r"(?:makes?|made|making) (?:me|us) watch (?:him|her|them) (?:hurt|hit|beat|hitting|hurting|"
        r"beating)",
    ),
    "missing": (
        r"(?:run|runs|running|runing|ran|gonna run|going to run|planning to run) ?(?:away|off|"
        r"awy)|runaway|reported (?:me |him |her )?missing|(?:i|im|ive|he|hes|she|shes|they|"
        r"theyve|we|keeps?|kids?|child|son|daughter|brother|sister)(?: [a-z]+){0,2} (?:went|"
        r"gone|go|going|goes|been) missing" + NOT_MISSING_A_THING,
        r"(?:no ?where|no place|nowhere|no where|nwhere|no wer|no were|not got anywhere) "
        r"(?:to|2) (?:sleep|stay|go|live|kip|crash|be)|dont (?:have|know) (?:anywhere|where)"
        r"(?: [a-z]+){0,3} (?:sleep\w*|stay\w*|kip\w*)|"
        r"(?:need|needs|want) (?:somewhere|a place|a bed) (?:to (?:sleep|stay)|for tonight)|"
        r"(?:sleep|sleeping|slept|kip|kipping) (?:rough|"
        r"outside|on the streets?|in (?:a|the|my|his|her|our) (?:park|car|van|stairwell|"
        r"bus shelter|tent|garage|shed)|on "
        r"(?:a|the) bench|on (?:my )?(?:mates|friends)? ?(?:sofa|couch|floor))",
        r"sofa surf\w*|(?:kicked|chucked|thrown|threw|kick|chuck|throw|kicks|chucks) (?:me|us)"
        r" out|(?:kicked|chucked|thrown|slung) out|(?:staying|sleeping|kipping) (?:at|in|on) "
        r"(?:random|strangers|different)|homeless|(?:live|living|lived|sleep|sleeping|end up|"
        r"ended up|be|been|im) on the streets?|cant go (?:back )?home|not going (?:back )?home|"
        r"wont go (?:back )?home|never going (?:back )?home|(?:out|outside) all night",
        r"(?:slept|sleeping|sleep|stayed|staying|stay|spent the night|kip|kipped|kipping) "
        r"(?:at|in|on|under) (?:the|a) (?:train station|station|bus station|bus stop|park|street|"
        r"stairwell|car park|doorway|tent|bench|bridge|underpass|shop doorway|stairs|woods)|"
        r"(?:havent|dont have|do not have|not|got no|aint got|have no|no|dont know) (?:got )?"
        r"(?:anywhere|nowhere|a place|somewhere|a bed|where) (?:to|2) (?:stay|sleep|go|live|kip)",
        r"(?:somewhere|a place|anywhere|place) safe (?:to (?:stay|sleep|go)|tonight)|"
        r"(?:havent|dont|do not|not|aint|got no|have no|no) (?:got |have |had )?(?:a )?"
        r"(?:bed|roof over my head|home|place of my own)(?: [a-z]+){0,2} (?:at the moment|right "
        r"now|atm|any ?more|tonight|to go to)|(?:at|on|in) (?:a )?(?:different|diff|diferent|"
        r"random|new) (?:mates|friends|persons|peoples|place|house|sofa)(?: [a-z]+){0,2} every "
        r"(?:night|week)|"
        r"(?:need|needs|want) (?:somewhere|a place) safe",
    ),
    "exploitation": (
        r"county ?lines?|going country|trap ?house|cuckoo\w*|shott\w*|bando",
        r"(?:make|makes|made|making|getting|get|got|force|forces|forced|tell|tells|told)"
        r" (?:me|us|him|her|them) (?:to )?(?:hold|carry|sell|deliver|move|drop|take|keep|hide|"
        r"run|stash|bring)(?: [a-z]+){0,2} (?:stuff|things|drugs|packages|parcels|bags|"
        r"food|weed|it|them|money|for them|for him|for her|phones?)",
        r"(?:hold|holding|carry|carrying|stash|stashing|hide|hiding|keep|keeping)(?: [a-z]+)"
        r"{0,2} (?:stuff|drugs|packages|parcels|bags|things) for (?:them|him|her|some)",
        r"(?:sell|selling|sold|deal|dealing|delivering|running|run) (?:drugs|weed|food|stuff for"
        r"|packages|bags|lines|for (?:them|him|some older))",
        r"(?:owe|owes|owed|owing) (?:them|him|some (?:people|boys|lads|guys|men|man|older \w+))"
        r"|in debt to (?:them|him|some)|(?:work|working|worked|graft\w*) for (?:them|some older|"
        r"older)|older (?:boys|lads|men|guys|kids) (?:make|made|give|gave|got|get|want)|"
        r"exploit\w*|drugs in my|(?:deliver|delivering|drop off|dropping off|run|running|hold|"
        r"holding|carry|carrying|take|taking) (?:stuff|things|packages|parcels|bags|drugs) for "
        r"(?:some|them|him|her|older|these|people)|(?:burner|work|graft) phone|gave me a phone|"
        r"(?:told|tell|tells) me to answer it",
        r"(?:being |been |was |get |got |im )?made to (?:hold|carry|sell|stash|hide|deliver|"
        r"move|keep|run|take|drop)|(?:made|make|makes|making|forced|told|tell) (?:me|us) (?:to )?"
        r"(?:hide|hold|carry|keep|stash) (?:a |the |his |their |some )?(?:knife|gun|weapon|"
        r"blade|drugs|package|bag|phone|money)|gangs?|gang members?",
        r"(?:sent|sending|send|sends) (?:me |us )?(?:to|out to) (?:different|other|another) "
        r"(?:towns?|places|cities|city|areas?)|people i owe|(?:pay|paid|pays|paying) (?:me|us) in "
        r"(?:weed|drugs|food)|(?:deliver|delivering|carry|carrying|drop|dropping) (?:parcels|"
        r"packages|bags)",
        r"(?:wants?|makes?|made|asks?|asked|tells?|told) (?:me|us) (?:to )?do (?:stuff|things|"
        r"favours|jobs|runs) for (?:him|her|them)|pick (?:stuff|things|something|bags|packages|"
        r"it) up (?:and|for|from)|(?:comes?|came|coming|gets?|got) (?:back|home) with (?:new |"
        r"loads of |expensive |"
        r"designer )?(?:trainers|clothes|phones?|money|cash|drugs|weed|stuff)|(?:goes|go|going"
        r"|went|gets|got|getting) (?:off |out |about )?(?:with|in) (?:older|grown|adult)"
        r"(?: [a-z]+){0,2} (?:lads|boys|men|guys|man|people|blokes)|(?:older|grown) (?:lads|"
        r"boys|men|guys|man|blokes) (?:in|with) (?:a |their |his |the )?(?:car|cars|van)|"
        r"sent to (?:a|this|their|his|some) (?:house|flat|address|"
        r"place) to",
    ),
    "bullying_threats": (
        r"bul+y|bul+ies|bul+ied|bul+ying|bulying|buly|bullys|bulys",
        r"(?:gonna|going to|will|wanna|want to|gna|said (?:they|he|she)(?:d|ll| would| will)"
        r"|threaten\w* to) (?:(?:stab|shank|kill|jump|batter|beat up|shoot|merk|smash|rape)"
        # "do me" is a threat; "do my school project" is not.
        r" (?:me|us|my)|do (?:me|us)(?! (?:a |any )?favou?rs?))|"
        r"(?:stab|stabbed|shank|shanked|jumped|merked) (?:me|us)|"
        r"(?:has|got|had|carries|carrying|pulled) (?:a )?(?:knife|blade|shank|gun|machete|"
        r"weapon)|death threat\w*|(?:told|tells|telling) me to (?:kys|kill my ?self|die)|kys",
        r"(?:gonna|going to|coming to) get me|(?:wait|waits|waiting) for me (?:after|outside|at)|"
        r"(?:posting|posted|sharing|shared) (?:stuff|pics|photos|videos) (?:of|about) me|"
        r"(?:gang|group) (?:of \w+ )?(?:follow|followed|chased|chase)\w* me|"
        r"(?:follow|follows|followed|following) me home",
        # A weapon named with no threat is a concern (concern.py); with one, an alert.
        r"(?:jumps?|jumping|jumped) (?:me|us|my)|(?:carries|carrying|carry|has|had|got|pulled|"
        r"pulls|brought|brings|showed|shows|hiding|hides|hid) (?:out )?(?:a |his |her |their )?"
        r"(?:knife|knives|machete|blade|gun|weapon)",
        r"(?:head|face) down the toilet|(?:posted|filmed|filming|posting|shared|sharing) (?:a |"
        r"videos? |pics? )?(?:of )?me (?:getting|being) (?:beaten|hit|battered|jumped|attacked|"
        r"bullied)|" + STABBED + r"|(?:follows?|followed|following) me",
    ),
    "immediate_danger": (
        # A fire and no way out: "there's a fire in the kitchen and the door's locked".
        r"(?:theres|there is|there s) (?:a )?fire(?: [a-z]+){0,8} (?:locked|cant get out|trapped|"
        r"stuck|upstairs)",
        # Shut out of the placement now: "my placement wont let me back in".
        r"(?:placement|carers?|foster (?:mum|dad|carers?|parents)|staff|the home|mum|mam|dad) "
        r"(?:wont|will not|wouldnt|would not|didnt|did not|refused to) let me (?:back )?in"
        r"(?! (?:the|my|to) (?:class|lesson|room|meeting|kitchen|office|lounge))",
        # Someone at home collapsed and not answering: "mummy fell over and she wont talk".
        r"(?:mum|mummy|mam|mammy|mom|dad|daddy|nan|nanny|nana|gran|grandad|grandma|carer|baby|"
        r"brother|sister|he|she)(?: [a-z]+){0,3} (?:fell(?! asleep)|has fallen(?! asleep)|"
        r"collapsed|passed out|fainted|is on the floor|on the floor|unconscious)(?: [a-z]+){0,6} "
        r"(?:wont|will not|cant|can not|"
        r"isnt|is not|not|doesnt|does not) (?:wake|waking|talk|talking|move|moving|breath\w*|"
        r"answer\w*|respond\w*)",
        # At a height and telling someone: "at the top of the cliff, I wanted to tell someone".
        r"(?:at|on|up) (?:the )?(?:very )?(?:top|edge) of (?:the |a |this |that )?(?:cliff|bridge|"
        r"roof|multi ?storey|car park|tower|block|flats|quarry)(?: [a-z]+){0,10} (?:tell "
        r"(?:someone|somebody|you|u)|goodbye|sorry|last (?:time|message)|climb over|jump|not sure "
        r"if|wanted (?:someone|somebody|you|u) to know)",
        r"(?:kick|kicks|kicking|kicked|smash|smashing|smashed|bang|banging|break|breaking|trying to"
        r" (?:break|kick|smash)) (?:the |my |our |down the )?(?:front |back |bedroom |bathroom )?"
        r"(?:door|window)(?: [a-z]+){0,1} (?:in|down|open)|(?:force|forcing|forced|push|pushing)"
        r" (?:his|her|their) way (?:in|into)|trying to get in(?! (?:to )?(?:college|uni|school|the "
        r"team|the club|touch))",
        # Shut in with someone dangerous close by: "locked in my room, can't get out".
        r"(?:locked|locks|lock|shut|trapped|stuck) (?:me |us )?(?:in|inside) (?:my|the|our|a|his|"
        r"her|this) (?:room|bedroom|bathroom|toilet|house|flat|cupboard|car|shed)(?: [a-z]+){0,6}"
        r" (?:cant|cannot|can not|wont let me|not allowed to) (?:get|go) out|(?:smashing|smashed|"
        r"smashes|trashing|wrecking|breaking|throwing) (?:up )?(?:the |our |my )?(?:house|kitchen|"
        r"flat|place|furniture|everything|things|stuff)(?: up)?(?: [a-z]+){0,6} (?:now|right now|"
        r"screaming|scared|crying|drunk|shouting|again|bleeding)",
        r"in danger|(?:help|hlp) (?:me|us)(?: [a-z]+){0,1} (?:now|asap|quick|quickly)|"
        r"(?:please|pls|plz|plez) help(?: me| us)?(?: now| quick| asap)|sos|"
        r"(?:call|ring|phone|get) (?:the )?(?:police|999|ambulance)|"
        r"(?:hes|shes|theyre|he is|she is|they are) (?:coming|outside|here|downstairs|"
        r"at the door|in the house)(?: [a-z]+){0,2} (?:now|right now|to get me|with a)|"
        r"(?:scared|frightened|terrified)(?: [a-z]+){0,2} (?:please|pls|plz) help|"
        r"help me im (?:scared|frightened|terrified)|need help (?:now|right now|asap|urgently|"
        r"quick)|(?:hes|shes|theyre|he is|she is|they are) coming (?:back|home|round|over|for "
        r"me)(?: [a-z]+){0,4} (?:scared|frightened|terrified)|(?:scared|frightened|terrified)"
        r"(?: [a-z]+){0,4} (?:hes|shes|theyre|he is|she is|they are) coming|"
        r"(?:scared|frightened|terrified|help|hurting|hitting|not safe|unsafe|danger)"
        r"(?: [a-z]+){0,3} right now|hiding (?:from|in)|scared for my life|fear for my life|"
        r"(?:gonna|going to|will|wants? to|trying to) kill (?:me|us|her|him|my)|"
        r"(?:is|are|was) (?:strangling|choking|attacking|hurting|beating)",
        r"(?:hes|shes|theyre|he is|she is|they are|he will|she will|they will|hell|shell|"
        r"theyll) (?:going to |gonna )?(?:come|be|coming) (?:back|home|round|over)(?: [a-z]+)?"
        r" (?:tonight|now|soon|later)",
        r"(?:please |pls |plz )?come (?:quick|quickly|now|asap|straight away)|(?:smashing|smashed)"
        r" (?:the house|everything|things) up|(?:wont|doesnt|dont) let me (?:leave|go out|out of)",
    ),
}


# Disclosures made on a child's behalf, in the third person: a parent, carer, advocate or
# professional writing "she is being hit", "they are not feeding him", "Jade has gone
# missing". The child is named, "he", "she", "they", "the young person", "my client", "YP",
# "my son" or "my foster child", so these patterns mostly key on the verb phrase (passive
# voice, an object pronoun, a possessive) rather than on who is speaking.
THIRD_PERSON: dict[str, tuple[str, ...]] = {
    "self_harm_suicide": (
        r"(?:tried|tries|trying|try|wants?|wanted) to (?:hang|kill|strangle|drown|poison|"
        r"suffocate|cut|hurt|harm|stab|burn|end) " + THEM + r" ?sel(?:f|ves)|"
        r"(?:hang|hangs|hanged|hanging|strangle|strangled|strangling|suffocate|suffocating|drown|"
        r"drowning|poison|poisoned|poisoning|stab|stabbed|stabbing|starve|starving|starved|scratch|"
        r"scratches|scratched|scratching|punch|punches|punched|punching|hit|hits|hitting|bang|"
        r"bangs|banging|carve|carving|carved|overdose|overdosed|overdosing) " + THEM
        + r" ?sel(?:f|ves)",
        r"(?:end|ends|ending|ended) " + THEIR + r" (?:own )?life|(?:take|took|taking|tried to "
        r"take) " + THEIR + r" (?:own )?life|(?:thoughts?|thinking|thinks|thought|talking|talks|"
        r"talked|talk|spoke|speaks) (?:\w+ )?(?:of|about|bout) (?:ending (?:it|" + THEIR + r" "
        r"life)|suicide|killing " + THEM + r" ?sel(?:f|ves)|dying|not being here|self ?harm\w*|"
        r"hurting " + THEM + r" ?sel(?:f|ves))",
        r"(?:doesnt|does not|didnt|did not|dont|do not|no longer|dont even) (?:want|wants|wanna)"
        r"(?: to| 2)? (?:be alive|live any ?more|be here any ?more|exist|wake up|live$)",
        r"(?:wish|wishes|wished) (?:he|she|they|hed|shed|theyd) (?:was|were|had been|could be)? "
        r"(?:dead|not alive|gone|not here)",
        r"(?:everyone|everybody|people|we|they|the family|the world|his family|her family|"
        r"their family)(?: [a-z]+){0,2} (?:be )?better off without " + THEM + r"|(?:he|she|"
        r"they|hes|shes|theyre) (?:says?|said|feels?|felt|thinks?|thought|believes?) (?:\w+ )?"
        r"(?:\w+ )?(?:\w+ )?(?:better off without " + THEM + r"|a burden)|better off "
        r"(?:if (?:he|she|they) (?:was|were|wasnt|werent) (?:dead|gone|not here|not around|"
        r"around))",
        r"no point (?:in )?" + THEM + r" (?:living|being (?:alive|here)|going on|carrying on)",
        r"(?:found|finding|saw|seen|noticed) (?:cuts|scars|marks|burns|blood) on " + THEIR
        + r" (?:arms?|wrists?|legs?|thighs?|stomach|body)|(?:cuts|cutting|cut|cuts) (?:on )?"
        + THEIR + r" (?:arms?|wrists?|legs?|thighs?|skin|stomach)",
        r"(?:scratch\w*|cut|cuts|cutting|pick|picks|picking|bite|bites|biting|burn|burns|"
        r"burning|carv\w*) (?:at )?" + THEIR + r" (?:arms?|wrists?|legs?|thighs?|skin|stomach)|"
        r"(?:until|till|til) (?:it|they|he|she) (?:bleeds?|bled)|(?:bang|bangs|banging|banged|"
        r"hit|hits|hitting|smash|smashes|smashing) " + THEIR + r" head (?:on|against|off|into) "
        r"(?:the |a )?(?:wall|walls|floor|door)|(?:given|gave|giving|give|gives) (?:away )?(?:all"
        r" )?" + THEIR + r" (?:stuff|things|belongings|possessions) away|(?:goodbye|suicide) "
        r"notes?|stopped eating|(?:been |being |makes? " + THEM + r" ?sel(?:f|ves) )sick on "
        r"purpose|mak(?:es|ing) " + THEM + r" ?sel(?:f|ves) sick",
    ),
    "physical_abuse": (
        r"non ?accidental injur\w*|(?:injury|injuries|bruising|bruises|fracture|burns?|marks)"
        r"(?: [a-z]+){0,4} (?:not consistent|inconsistent) with",
        # Passive voice: "she is being hit", "he was hit by his foster carer".
        BE + r" (?:being )?(?:badly |really |seriously |regularly |repeatedly )?(?:hit|beaten|"
        r"beat|beaten up|beat up|punched|kicked|slapped|smacked|thumped|whacked|battered|"
        r"strangled|choked|throttled|headbutted|attacked|assaulted|abused|physically \w+|hurt|"
        r"harmed|bitten|burnt|burned|restrained|shoved|thrown|grabbed|dragged|kneed|stamped on|"
        r"pinned|held down|pushed (?:over|down|into|against|off)|belted)(?! (?:that|about|when|to"
        r"|for|off|out|(?:by|with) (?:the |what |how |his |her |their |a |an )?(?:decision|report|"
        r"comments?|words|way|news|what|how|lack|delay|changes?|cuts?|letter|outcome|car|ball|"
        r"bus|bike|bill|fine|charges?|fees?|costs?|tax|debt)|playing|at (?:football|pe|rugby|"
        r"school sport)|in (?:pe|a match|football|rugby|a game)))",
        # An object pronoun or a child: "has been hitting her", "hurts him", "hit the baby".
        r"(?<!it )(?<!that )(?<!this )(?<!which )(?<!what )" + STRONG_HIT + r" " + SOMEONE
        + r"(?! (?:feelings|chances|case|prospects|placement|relationship|confidence|pride|"
        r"education|off|out|back|up on|over|at (?:chess|football|games)|by (?:saying|not)|"
        + PARENT + r"s?)(?![a-z]))",
        # An adult who hits a named child: "her carer slapped Jade".
        GROWN_UP + r"(?: [a-z]+){0,3} (?:hit|hits|hitting|slapped|slaps|punched|punches|kicked|"
        r"kicks|beat|beats|beating|hurt|hurts|hurting|strangled|choked|smacked|smacks|thumped|"
        r"battered) (?!(?:the|a|an|it|its|this|that|these|rock|home|out|back|off|and|but|target|"
        r"targets|deadline|deadlines|wall|roof|ceiling|headlines|ground|road|bottom|me|us|him|her|"
        r"them|his|their|my|our|every|all|each|their|both|feelings|so|really|too|very|when|if|"
        r"because|on|in|at|to|for|with|by|again|before|after|since|as|or|then|while|once)"
        r"(?![a-z]))[a-z]{3,}",
        # Pushing, throwing, dragging somewhere: "threw him on the floor", "dragged her upstairs".
        r"(?:drag|drags|dragged|dragging|throw|throws|threw|throwing|thrown|shove|shoves|shoved|"
        r"shoving|push|pushes|pushed|pushing|slam|slams|slammed|slamming|pin|pins|pinned|pinning|"
        r"fling|flung|chuck|chucks|chucked) (?:me|us|" + SOMEONE[3:-1] + r") (?:" + PLACE
        + r")",
        r"(?:grab|grabs|grabbed|grabbing|pull|pulls|pulled|pulling|drag|drags|dragged|dragging|"
        r"yank|yanks|yanked|held|holds|hold|picked|lifted) (?:me|us|" + SOMEONE[3:-1] + r") "
        r"(?:up )?by (?:the|my|his|her|their) (?:arm|arms|neck|throat|hair|collar|wrist|wrists|"
        r"ear|ears|hood|jumper|top|shirt|clothes)|(?:pulls?|pulled|pulling|yank\w*) (?:his|her|"
        r"their) hair|(?:hands|hand) (?:round|around|on) (?:his|her|their) (?:neck|throat)|"
        r"(?:marks|bruises|bruising|burns|welts|red marks) (?:on|all over|down) (?:his|her|their)"
        r" (?:\w+ )?(?:back|legs?|arms?|face|neck|body|bum|bottom|wrists?)",
        r"hand ?prints?|burn marks?|cigarette burns?|finger ?marks|"
        r"finger ?tip bruises|grip marks|slap marks|belt marks",
    ),
    "sexual_abuse": (
        BE + r" (?:being )?(?:touched|groomed|raped|molested|sexually \w+|abused sexually|"
        r"interfered with|fondled|groped|flashed at|exploited sexually|kissed|indecently \w+)"
        r"(?! by (?:the |your |their |how |what |his |her |all |every |so )?(?:\w+ )?(?:kindness|"
        r"support|card|cards|gesture|words|letter|help|care|way|generosity|thought\w*|messages? "
        r"of|efforts?|everyone|response))",
        r"(?:made|make|makes|making|forced|forces|force|forcing) " + THEM + r" (?:to )?(?:do "
        r"(?:stuff|things|sexual \w+)(?: [a-z]+){0,3} (?:dont|didnt|do not|doesnt|does not|did not"
        r"|wont|not)|touch (?:him|her|them|his|it)|have sex|watch porn|(?:take|get) (?:his|her|"
        r"their) clothes off|undress|sit on)",
        r"(?:ask|asks|asking|asked|keeps asking|kept asking) (?:" + THEM + r" )?for (?:pics|"
        r"pictures|photos|nudes|videos|snaps|images)|(?:pics|pictures|photos|videos|snaps|"
        r"images) of (?:" + THEM + r" ?sel(?:f|ves)|" + THEIR + r" body)|(?:man|men|guy|"
        r"bloke|person|someone|adult)(?: (?:he|she|they)| (?:he|she|they) (?:has|had|have))? met "
        r"online|(?:men|man|guy|guys|bloke|older \w+|adults?)(?: [a-z]+){0,2} (?:gives?|gave|"
        r"buys?|bought) " + THEM + r" (?:vapes?|alcohol|drink|weed|cigs|cigarettes|fags|money|"
        r"presents|gifts|drugs)",
        # A child's age, then an adult partner's: "Jade is 14 and has a boyfriend who is 22".
        r"(?:is|aged?|whos|who is|only|just|turned) (?:only |just )?(?:1[0-5]|ten|eleven|twelve|"
        r"thirteen|fourteen|fifteen)(?: ?(?:yo|yrs?|years?(?: old)?))?(?! ?(?:weeks?|months?|"
        r"days?))(?: [a-z0-9]+){0,6} (?:boyfriend|bf|fella|man|guy|bloke|girlfriend|gf|partner)"
        r"(?: (?:is|s|who is|whos|thats|that is|aged|of))? (?:1[89]|[2-9]\d)(?! ?(?:weeks?|"
        r"months?|days?|mins?|minutes|miles|pounds))",
        r"(?:touch|touches|touched|touching) " + THEIR + r" (?:private|privates|bum|bottom|"
        r"chest|breasts|boobs|willy|penis|vagina|thighs?|body|bits)|(?:comes?|came|coming|"
        r"gets?|got|creeps?|crept) (?:into|in) " + THEIR + r" (?:bed|bedroom|room) (?:at night|"
        r"in the night|when|while)",
        r"(?:sex|sexual \w+) with (?:a|an|older|grown|some) (?:\w+ )?(?:man|men|adult|adults|"
        r"guy|guys|bloke)|(?:watches|watched|watching) " + THEM + r" when (?:he|she|they) "
        r"(?:is|are|s) (?:in the shower|in the bath|getting changed|changing|undressed)|"
        r"(?:made|make|makes|forced|told|tells)(?: " + THEM + r")? (?:to )?(?:take|took) "
        + THEIR + r" clothes off|(?:made|forced) to (?:strip|undress|get undressed)|"
        r"(?:watches|watched|watching|films|filmed|filming) (?:him|her|them) (?:in the shower|"
        r"in the bath|getting changed|undress\w*|changing)",
    ),
    "emotional_abuse": (
        r"(?:calls?|called|calling) " + THEM + r" (?:names|stupid|fat|ugly|thick|worthless|"
        r"useless|a waste|retard\w*|a slag|slag|a slut|slut|a whore|dumb|a bitch|bitch|a cunt|"
        r"an idiot|idiot|pathetic|disgusting|evil)",
        r"(?:tells?|told|says?|said|telling|saying) (?:" + THEM + r" )?(?:that )?(?:he|she|"
        r"they|hes|shes|theyre) (?:is|are|was|were)?(?: just)? (?:worthless|useless|stupid|a "
        r"mistake|nothing|a waste|a burden|unwanted|disgusting|evil|the devil|unlovable|"
        r"pathetic)",
        r"(?:wish|wishes|wished) (?:he|she|they|hed|shed|theyd) (?:was|were|had)? ?(?:never "
        r"been born|never born)|(?:tells?|told|says?|said) " + THEM + r" (?:that )?(?:he|she|"
        r"they|i|we) (?:doesnt|dont|does not|do not|didnt|never) (?:love|want|like|care about) "
        + THEM,
        r"(?:screams?|screaming|screamed|yells?|yelling|yelled|swears?|swearing|swore) (?:at|in)"
        r" (?:" + THEM + r"|" + THEIR + r" face)|(?:shouts?|shouting|shouted) at " + THEM
        + r" (?:all the time|every day|constantly|and (?:threatens|humiliates|calls|hits|swears"
        r"|scares))",
        r"(?:locks?|locked|locking|shuts?|shut) " + SOMEONE + r" (?:in|out)(?: of)? (?:" + THEIR
        + r" |the |a )?(?:room|bedroom|cupboard|shed|house|garden|bathroom)|"
        + BE + r" (?:locked|shut) (?:in|out)",
        r"(?:told|tells|tell|telling) " + THEM + r" not to tell|(?:scared|frightened|terrified|"
        r"afraid|petrified)(?: [a-z]+){0,2} (?:of|off) " + THEIR + r" (?:\w+ )?" + GROWN_UP,
        r"(?:tells?|telling|told|says?|saying|said) (?:" + THEM + r" )?(?:that )?(?:he|she|"
        r"they|hes|shes|theyre) (?:is|are|was|were)? ?(?:just )?(?:fat|ugly|thick|dumb|a slag|"
        r"a slut|a whore|a freak|trash|rubbish|a psycho|a nuisance|a waste of space)|"
        r"(?:nobody|no one|no ?body) (?:will|would|could) ever (?:want|love|like) " + THEM
        + r"|" + BE + r" (?:shouted|sworn|screamed|yelled) at",
        r"(?:locks?|locked|locking) " + THEM + r" (?:in|out)(?! of (?:the )?(?:meeting|group|"
        r"chat|account|system|app))",
    ),
    "neglect": (
        r"(?:not|never|isnt|arent|wasnt|werent|dont|doesnt|didnt|wont|hasnt|havent|has not|have "
        r"not|had not|hadnt|stopped|barely|hardly|rarely) (?:been |being |ever |properly )?"
        r"(?:feed|feeds|feeding|fed) (?:" + SOMEONE + r")",
        r"(?:not|never|isnt|arent|wasnt|werent|hasnt|havent|has not|have not) (?:being |been )?"
        r"(?:fed|given (?:food|meals|enough food|enough to eat|anything to eat|dinner|breakfast))",
        r"(?:left|leaves|leave|leaving) (?:" + SOMEONE + r")(?: [a-z]+){0,2} (?:alone|on "
        + THEIR + r" own|by " + THEM + r" ?sel\w*|home alone|unattended|unsupervised)|"
        + BE + r" (?:often |always |regularly |just )?left (?:alone|on (?:" + THEIR + r"|my|"
        r"our) own|home alone|unattended|unsupervised|in (?:a |their |his |her )?(?:dirty|soiled|"
        r"wet)|to fend|without (?:food|anyone|an adult|supervision|anything to eat))",
        r"(?:doesnt|does not|didnt|did not|isnt|wasnt|arent|dosnt|doesn|no longer|never) "
        r"(?:feel |feels |felt )?(?:very |really |that |so )?(?:safe|saf|sfe)(?! (?:to (?:speak|"
        r"say|talk|tell|share|ask)|enough to (?:speak|say|talk|tell|share|ask)|speaking))",
        r"(?:nothing|no food|never any ?thing|never any food|no ?thing) in the (?:fridge|"
        r"cupboards?|house)|(?:fridge|cupboards?) (?:is |are )?(?:always |often )?(?:empty|"
        r"bare)|empty fridge|(?:dirty|soiled|wet|filthy) (?:nappy|nappies|bedding|sheets|"
        r"mattress)|lost (?:a lot of |so much |loads of |a load of )weight|nobody (?:looks after"
        r"|feeds|cares for|washes) " + THEM + r"|no one (?:looks after|feeds|cares for|washes) "
        + THEM + r"|(?:not|isnt|arent|never) (?:being )?(?:washed|bathed|changed)(?! (?:the|"
        r"his|her|their|my|a|its)(?![a-z]))",
        r"(?:not|never|doesnt|dont|didnt|isnt|arent|wasnt|hasnt|havent) (?:\w+ )?(?:given|"
        r"getting|get|gets|got|taking|take|takes) (?:" + THEIR + r" |" + THEM + r" " + THEIR
        + r" )?(?:medication|medicine|meds|insulin|inhaler)",
        r"(?:take|takes|took|taking) (?:away )?" + THEIR + r" (?:food|meals|dinner|tea)(?: "
        r"away)?(?: [a-z]+){0,2} (?:as (?:a )?punishment|to punish)|(?:withhold|withholds|"
        r"withheld|withholding) (?:" + THEIR + r" )?(?:food|meals)|(?:hungry|smelly|unwashed|"
        r"dirty) and (?:smelly|dirty|unwashed|hungry)|holes in " + THEIR + r" (?:shoes|clothes)|"
        r"(?:not|never|hasnt|havent|has not|have not|isnt|arent) (?:been |being )?taken to "
        r"(?:any of )?(?:" + THEIR + r" |the )?(?:health |medical |hospital |doctors? |"
        r"dentist |eye |baby )?(?:appointments?|checks?|doctor|doctors|dentist|gp|hospital|"
        r"clinic)",
    ),
    "domestic_abuse": (
        r"(?:throw|throws|threw|throwing|thrown) (?:a |the |some |plates |things |stuff )?(?:\w+ )?"
        r"at " + THEIR + r" " + PARENT + r"|(?:" + PARENT + r"|ex)s? (?:\w+ )?(?:is|was|gets|"
        r"got|has been|can be|becomes) (?:very |really |often |so )?(?:violent|aggressive|"
        r"abusive)(?! (?:to|towards) (?:me|us|him|her|them)(?! " + PARENT + r"))|violent "
        r"(?:to|towards) " + THEIR + r" " + PARENT + r"|(?:witness\w*|sees|saw|seen|seeing|see|"
        r"watch\w*|hears?|heard|hearing)(?: [a-z]+){0,3} (?:domestic|violence|fighting|fights|"
        r"rows|arguments)|(?:parents|mum and dad|mam and dad|mum and (?:her|his) (?:partner|"
        r"boyfriend)|" + THEIR + r" parents) (?:were|are|was|keep|kept) (?:always |constantly )?"
        r"(?:fighting|hitting each other|attacking each other|violent)",
        r"threat\w* to (?:kill|hurt|stab|beat|batter|strangle|burn) " + THEIR + r" " + PARENT
        + r"|(?:starts|started|starting|kicks off|kicked off|kicking off) (?:on|at) " + THEIR
        + r" " + PARENT + r"|(?:bruises|black eye|injuries|marks|cuts) (?:from|off|because of) "
        + THEIR + r" (?:partner|boyfriend|husband|ex|girlfriend|wife)",
    ),
    "missing": (
        r"(?:did not|didnt|has not|hasnt|have not|havent|not|never) (?:return|returned|come back|"
        r"came back|been back|come home|came home)(?: to)?(?: (?:the|her|his|their|my))? "
        r"(?:childrens home|home|placement|unit|foster home|house|carers)?(?: [a-z]+){0,3} "
        r"(?:last night|since|overnight|yesterday|all night|for two nights|for days)",
        # "Jade has gone missing", "Kai went missing on Saturday": the word before names
        # the one missing, unless it is a thing ("his passport went missing").
        r"(?!(?:file|files|paperwork|passport|money|documents?|forms?|letters?|reports?|records?|"
        r"phone|bags?|clothes|things|stuff|items?|belongings|cards?|cash|laptop|keys?|payments?"
        r"|applications?|it|this|that|which|what|parcel|post|tablet|ipad|pages?|evidence|notes|"
        r"minutes|photos?|bike|shoes|trainers|coat|information|details|some|has|had|have|was|"
        r"were)(?![a-z]))[a-z]+(?: (?:has|have|had|keeps|kept|just|again|then|also|now|s|often|"
        r"has just|had just|has now|has been|had been|has already))? (?:went|gone|go|going|goes|"
        r"been) missing" + NOT_MISSING_A_THING,
        r"missing (?:from (?:home|care|" + THEIR + r" (?:placement|home|foster home|carers|"
        r"house|unit|school|childrens home)|the (?:placement|home|unit|house|childrens home))|"
        r"since (?:[a-z]+day|yesterday|last|the|this|early|about|before|lunch|midnight|\d)|"
        r"for (?:\d+|two|three|four|five|several|days|hours|nights|a (?:day|night|week|few)|the"
        r" (?:night|weekend|day)|over|nearly|almost|most of)|episodes?|persons?|person report)",
        r"(?:didnt|did not|hasnt|has not|havent|have not|hadnt|had not|never|not) (?:come|came|"
        r"been|gone|got|went|returned|turned up) (?:back )?home|(?:didnt|did not|hasnt|has not|"
        r"havent|have not|hadnt|had not|not|never) returned(?: back)? (?:home|to (?:the|" + THEIR
        + r") (?:home|placement|unit|house|carers|foster \w+|childrens home))|(?:didnt|did not|"
        r"hasnt|has not|havent|have not|hadnt|had not|not) (?:come|came|been) back (?:last "
        r"night|all night|since|for (?:two|three|\d+|days|hours|nights|the night)|overnight|yet"
        r"|to (?:the|" + THEIR + r") (?:home|placement|unit|house|carers))",
        r"(?:dont|do not|didnt|did not|dont even|no one|nobody|none of us|no idea|not sure|not "
        r"know|unsure) (?:\w+ )?(?:knows?|know) where (?:he|she|hes|shes|(?:my|our"
        r"|the|his|her) " + CHILD_NOUN + r"|(?!(?:the|it|its|this|that|these|those|his|her|my|"
        r"our|their|your|a|an|to|we|i|you|they|theyre|everything|anything|things|stuff|"
        r"everyone|people|he|she)"
        r"(?![a-z]))[a-z]+) (?:is|are|was|were|went|has gone|had gone|have gone|goes|has been|"
        r"stays|is staying|sleeps|is sleeping|has got to|got to|ended up)(?! (?:placed|living|"
        r"moving|based|working|going to (?:school|live|be placed)|at school|up to|with (?:the|"
        r"his|her) (?:plan|case|application)))",
        r"(?:hasnt|has not|havent|have not|hadnt|had not|not) been seen (?:since|for)|"
        r"abscond\w*|(?:stays?|stayed|staying|been|was|is|keeps staying) out (?:all night|"
        r"overnight|till|until) ?(?:[a-z0-9]+ )?(?:am|in the morning|all night)?",
        r"(?:disappeared|disappears|disappearing|vanished|vanishes) (?:again|after school|from "
        r"(?:the |" + THEIR + r" )?(?:home|placement|house|school|unit)|for (?:days|hours|"
        r"nights|the night|the weekend|\d+|two|three|a (?:day|night|week|few))|overnight|last "
        r"night|in the night|at night)|no idea where (?:he|she|hes|shes) (?:is|went|has gone|"
        r"goes)",
    ),
    "exploitation": (
        r"(?:used|groomed|recruited|pressured|pressured into|coerced|forced|made|told|paid|"
        r"asked|sent|being used) (?:to|into) (?:carry|carrying|sell|selling|deal|dealing|"
        r"deliver|delivering|stash|stashing|hide|hiding|transport|transporting|drop off|"
        r"dropping off)(?! (?:a |the |his |her )?(?:meeting|review|club|session|group|own|"
        r"errands|books|shopping|lunch|homework|tickets|raffle|cakes|biscuits|sweets))",
        r"(?:found|picked up|arrested|stopped|caught|seen|travell\w*|turned up|taken|sent|went|"
        r"goes|going|gone|keeps going) (?:\w+ )?(?:\w+ )?(?:in|to) (?:another|a different|other|"
        r"different) (?:county|counties|town|towns|city|cities)|(?:drugs|weed|cash|a knife|"
        r"knives|money|a phone|phones) on " + THEM + r"|(?:caught|found|stopped|arrested) "
        r"(?:\w+ )?with (?:drugs|weed|cocaine|crack|a knife|knives|large amounts of (?:cash|"
        r"money)|lots of cash|loads of cash|wraps)",
        r"(?:owe|owes|owed|owing) (?:money |a debt |a lot |loads |them money )?(?:to )?(?:them|"
        r"him|some|older|these|those|people|a gang|the gang|dealers?|boys|lads|men)",
        r"(?:picked up|collected|driven|dropped off|taken|picks? (?:him|her|them) up) (?:\w+ )?"
        r"(?:\w+ )?(?:by|with) (?:older|adult|grown|unknown|different|strange) (?:men|man|lads|"
        r"boys|males|people|guys)|(?:gets?|got|getting) (?:in|into) (?:cars?|vans?) with "
        r"(?:older|adult|grown|unknown|strange|different)",
        r"(?:comes?|came|coming) (?:back |home )?with (?:new |loads of |expensive |designer |"
        r"lots of )?(?:trainers|clothes|phones?|money|cash|drugs|weed)(?: and (?:new |"
        r"expensive )?(?:trainers|clothes|phones?|money|cash))? and (?:wont|will not|doesnt|"
        r"cant|refuses to) (?:say|tell|explain)|(?:second|another|extra|new) phone (?:that|"
        r"which) (?:keeps )?(?:ringing|rings)",
        r"(?:paying|paid|pays|pay) " + THEM + r" to (?:keep|hold|carry|hide|stash|store|look "
        r"after|deliver|drop|sell|move)|"
        r"in debt to (?:a |some |the |these |older )?(?:dealers?|gang|older|them|him|people|"
        r"lads|boys|men)|(?:large|big|huge) amounts? of (?:cash|money|drugs|cannabis|weed|"
        r"cocaine)|(?:drugs|cannabis|weed|cocaine|crack|heroin)(?: [a-z]+){0,3} (?:in|to) "
        r"(?:another|a different) (?:county|town|city)",
    ),
    "bullying_threats": (
        BE + r" (?:being )?(?:bullied|picked on|jumped|threatened|intimidated|harassed|"
        r"stalked|targeted|chased|cyber ?bullied|beaten up|beat up)",
        r"(?:pick|picks|picking|picked) on " + SOMEONE + r"|(?:girls|boys|kids|lads|pupils|"
        r"students|young people|gang|group|older kids|others|residents)(?: [a-z]+){0,3} "
        r"(?:beat|jumped|attacked|battered|hit|punched|kicked|threatened|chased|followed|"
        r"beat up|bullied|pick on|picked on) (?:" + SOMEONE + r")",
        r"(?:gonna|going to|will|wanna|want to|wants to|gna|said (?:they|he|she)(?:d|ll| would| "
        r"will| are going to| were going to)|threaten\w* to) (?:stab|shank|kill|jump|batter|beat"
        r" up|shoot|merk|smash|rape|hurt|get) " + SOMEONE + r"|(?:told|tells|telling) "
        + THEM + r" to (?:kys|kill " + THEM + r" ?sel\w*|die|go die)|(?:stab|stabbed|shank|"
        r"shanked|merked) " + SOMEONE + r"|(?:filmed|filming|posted|posting|shared|sharing) "
        r"(?:it|the (?:fight|attack|video))",
        r"(?:spit|spits|spat|spitting) (?:on|at) " + SOMEONE + r"|" + BE + r" (?:beaten|"
        r"battered|beat up|hit|punched|kicked|attacked|jumped|spat on|threatened)(?: [a-z0-9]+)"
        r"{0,5} by (?:year|older|other|some|the other|a group|a gang|girls|boys|kids|lads|"
        r"pupils|students)|(?:wait|waits|waiting|waited) for " + THEM + r" (?:after|outside|at)"
        r"|to (?:fight|jump|batter|beat up|stab|get) " + THEM + r"(?! (?:a|an|the|some|into|to"
        r"|on|his|her|their)(?![a-z]))",
    ),
    "immediate_danger": (
        r"(?:turned up|turns up|showed up|shows up|arrived|came round|come round|is here|at the "
        r"door|outside)(?: [a-z]+){0,5} with (?:a |his |her |their )?(?:bat|baseball bat|knife|"
        r"weapon|gun|machete|hammer|crowbar|axe|blade)|(?:hes|shes|theyre|he is|she is|they are|"
        r"he|she|they) (?:smashing|smashed|smashes|breaking|kicking) (?:the |our |my |all the )?"
        r"(?:windows?|front door|car windows?)(?! (?:out|to replace|to fix|by accident))",
        # A child taken by someone not allowed to have them.
        r"(?:taken|took|snatched|grabbed|picked up|collected) (?:her|him|them|the (?:child|kids|"
        r"children|baby)|(?:my|our) (?:son|daughter|child|kids|children|baby|grandson|"
        r"granddaughter)) (?:from|out of) (?:school|nursery|the placement|contact|the home|the "
        r"childrens home|the house|the park)(?: [a-z]+){0,8} (?:without (?:permission|consent|"
        r"asking|telling)|not allowed|no contact|wont (?:bring|give)|refus\w*|isnt allowed|"
        r"shouldnt)",
        r"(?:is|are|s) (?:at|outside|in|inside|round) (?:the |her |his |their |my |our )?"
        r"(?:house|flat|door|front door|home|school|placement|window|gate|building)(?: [a-z]+)"
        r"{0,2} (?:now|right now|as we speak|at the moment)|(?:send|get) (?:someone|somebody|"
        r"help|the police|police|an ambulance)(?: [a-z]+){0,3} (?:now|quick|quickly|urgently|"
        r"asap|right away|straight away|immediately)|please send (?:help|the police|police)",
        r"(?:wont|doesnt|dont|will not|does not|do not|not|never) (?:let|allow) " + SOMEONE
        + r" (?:to )?(?:leave|out of (?:the |" + THEIR + r" )?(?:house|flat|room|bedroom))",
        BE + r" (?:being )?(?:kept|held|locked|trapped) (?:at|in|inside) (?:the |a |his |her |"
        r"their |this |some |an )?(?:flat|house|room|address|car|van)|(?:cant|cannot|can not|"
        r"is not able to|isnt allowed to|not allowed to) (?:leave|get out)(?! (?:the )?(?:placement"
        r"|care|school|the meeting)| of (?:bed|the (?:contract|tenancy|lease|habit|deal)))",
        r"(?:gun|knife|weapon|machete|blade)(?: [a-z]+){0,3} (?:right now|now)|(?:go|get|come"
        r"|send someone) (?:round|over|there|to the (?:house|flat))(?: there)? (?:now|right now|"
        r"quick|asap|immediately|urgently)",
    ),
}
