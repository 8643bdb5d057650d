"""Everyday phrases built on risky words, that tell of no harm: the screen's stand-downs.

Data, matched like the other tables against the folded text. Pattern evidence that lies
wholly inside one of these is dropped, and the model's second look stands down when every
risk word in a message sits inside one ("I take my tablets every morning like the doctor
said", "my phone died", "got battered at FIFA", "mum will kill me if I miss the bus").
Each phrase is narrow on purpose: "he will kill me if I tell" is never one of them, and any
other risky word in the message is still read.
"""

from .welsh import mutated

_BODY_PART = (r"(?:ankle|knee|wrist|arm|leg|elbow|finger|thumb|toe|foot|hand|shoulder|back|nose|"
              r"chin|lip|shin|head)s?")

INNOCENT = (
    # Medicines taken as prescribed.
    r"(?:take|takes|taking|took|given|give|gives|giving|have|has|had|on) (?:my |his |her |"
    # Never a quantity beyond the dose: "taking extra paracetamol every day" is overdose.
    r"their |the |\d+ |two |a |an |one )?(?:(?!extra|more|double|all|too|loads|lots|whole|"
    r"spare|saved|stolen|someone)\w+ )?(?:tablets?|pills?|meds|medication|"
    r"medicine|paracetamol|ibuprofen|inhaler|antibiotics|antihistamines?|insulin)"
    r"(?: [a-z]+){0,5} (?:a day|every (?:day|morning|night|evening)|each (?:day|morning|night)|"
    r"twice a day|at (?:breakfast|bedtime|night)|in the morning|as prescribed|prescribed|like "
    r"(?:the|my) (?:doctor|gp|nurse) (?:said|says|told \w+)|for (?:my|his|her|their) (?:asthma|"
    r"epilepsy|adhd|hay ?fever|period|periods|headaches?|migraines?|diabetes|allergy|"
    r"allergies|eczema|skin|chest|cold|flu|pains?|period pains|toothache|cough)|"
    r"and went to (?:bed|sleep|school))",
    r"(?:asthma|adhd|epilepsy|hay ?fever|allergy|diabetes) (?:medicine|medication|meds|"
    r"tablets|pills|inhaler)|(?:pick|picked|picking|collect|collected) up (?:my|his|her) "
    r"(?:prescription|meds|medication|medicine|tablets)",
    # Games and sport.
    r"(?:battered|thrashed|killed|destroyed|beat|beaten|smashed|murdered|hammered|shot|"
    r"slaughtered|wrecked|owned)(?: [a-z]+){0,3} (?:at|in|on|playing) (?:fifa|fortnite|cod|call"
    r" of duty|minecraft|roblox|the game|a game|football|footy|pool|darts|chess|cards|xbox|"
    r"ps\d|playstation|monopoly|uno|mario ?kart|apex|gta|valorant|the match|netball|rugby)|"
    r"(?:got|get|gets|getting|keep getting) (?:killed|shot|battered|thrashed|hammered|destroyed"
    r"|murdered)(?: [a-z0-9]+){0,3} (?:in|on|at|playing) (?:the )?(?:game|fortnite|cod|fifa|"
    r"call of duty|minecraft|roblox|gta|apex|valorant)|killed like \d+ times|"
    r"(?:got|get|we got|were) (?:thrashed|battered|hammered|smashed|beaten) \d+ (?:nil|0|\d+)|"
    r"shot (?:a |some |the |my )?(?:video|film|photo|photos|vid|tiktok|hoops|goal|penalty)",
    # Hyperbole.
    r"(?:will|gonna|going to|would|is going to|wud|wil|wll)(?: literally)? (?:kill|murder) "
    r"(?:me|us)(?: [a-z]+){0,1} (?:if|when) (?:i|we) (?:miss|am late|m late|are late|lose|"
    r"forget|break|fail|dont tidy|dont clean|spend|eat|get home late|get in late|dont do my)|"
    r"could (?:murder|kill for) (?:a|an|some) \w+|(?:forms|homework|exams?|paperwork|this "
    r"heat|the heat|the damp|damp|my feet|the noise|the wait|waiting|this cold|the cold|"
    r"revision|maths)(?: [a-z]+){0,2} (?:is|are|was|were) (?:literally )?killing me|(?:is|are|"
    r"was) killing me with|(?:nearly |almost |literally )?died (?:laughing|of embarrassment)|"
    r"(?:dead|dying of|bored to) (?:bored|boring|boredom|embarrassment|laughing|death)|"
    r"(?:phone|battery|wifi|laptop|tablet|ipad|console|xbox|charger|bulb|tv|telly|car|"
    r"headphones|airpods|fone|ffon)(?: [a-z]+){0,1} (?:has |had |is |was |just |went )?"
    r"(?:died|dead|dying|wedi marw)|killing time|dying (?:to|for) (?:see|go|meet|get|know|try|"
    r"a|some|the)|killing it|dead (?:good|nice|funny|excited|happy|proud|easy|boring)|"
    r"(?:in|to) stitches|(?:wedi )?diflasu|(?:want|wanted|wanna|could|gonna|going to|nearly|"
    r"almost) (?:to )?die of (?:embarrassment|shame|cringe|boredom|laughing)",
    # Cooking, hair, doctors and accidents told as such.
    r"(?:(?:i|he|she|we) )?cut (?:my|his|her) (?:finger|thumb|hand) (?:chopping|"
    r"cutting|cooking|on (?:a|the) (?:tin|can|paper|knife)|in (?:food tech|food technology|"
    r"dt|cooking|the kitchen))|"
    r"burnt (?:the )?(?:toast|dinner|tea|food|pizza|chips|cake|pan|"
    r"rice|beans)|(?:everything|the food|food|dinner|tea|the toast|it|the chips|the pizza) "
    r"(?:is|was|got|gets|always) burnt|hair ?cut|cut (?:my|his|her) hair|cut (?:it|them) too short|"
    r"(?:ears?|nose) pierced(?: [a-z]+){0,3}(?: (?:hurt|hurts|stung))?|"
    r"(?:had|got|have|get|getting) (?:a|my|the|our) (?:jab|injection|vaccine|vaccination|"
    r"blood test|booster|flu jab)(?: [a-z]+){0,5}(?: (?:hurt|hurts|stung))?",
    # Films, books and lessons.
    r"(?:film|movie|programme|show|documentary|book|game|episode|series|play)(?: [a-z]+){0,4} "
    r"(?:about|with|had|has) (?:a |the )?(?:murder|murders|bomb\w*|war|guns?|knives|killing|"
    r"killer|zombies|ghosts|nazis|terroris\w*|drugs|shooting|kidnap\w*)|horror (?:film|movie|"
    r"story|game|films|movies)(?: (?:and|so) (?:i )?(?:couldnt|could not|cant|didnt) sleep)?|"
    r"(?:in|for) (?:history|re|pshe|english|drama) (?:we|they) "
    r"(?:learned|learnt|did|watched|read)(?: [a-z]+){0,3} about(?: [a-z]+){0,8}|(?:film|movie|"
    r"programme|show|episode|series|book|game) (?:where|in which|when)(?: [a-z]+){0,4} "
    r"(?:stabbed|shot|killed|murdered|died|kidnapped)|(?:game|film|movie|programme|show|video|"
    r"it)s? (?:is |was |are )?(?:too |so |really |very |a bit )?violent",
    # Accidents told as accidents: a fall, a sport, a cupboard door (never a wall or a person).
    r"(?:fell|fall|falling|tripped|slipped|came off|fell off|fell over|fell out of)(?: [a-z]+)"
    r"{0,5} (?:and )?(?:hurt|cut|grazed|bruised|banged|bumped|broke|sprained|twisted|scraped|"
    r"knocked) (?:my|his|her|their) " + _BODY_PART + r"|(?:hurt|cut|grazed|bruised|banged|"
    r"bumped|broke|sprained|twisted|pulled) (?:my|his|her) " + _BODY_PART + r" (?:at|in|playing|"
    r"during|doing|on) (?:the )?(?:football|footy|pe|rugby|netball|training|park|trampoline|"
    r"gymnastics|hockey|basketball|swimming|dance|climbing|skatepark|bike|scooter|sports day)|"
    r"(?:(?:i|he|she|they) )?(?:banged|bumped|knocked) (?:my|his|her) head on (?:the|a) "
    r"(?:cupboard|cupboard door|table|shelf|bunk|bunk bed|car door|door frame|swing|"
    r"climbing frame|slide|monkey bars|"
    r"goalpost|goal post)(?: [a-z]+){0,4}(?: (?:hurt|hurts) "
    r"(?:a bit|a little))?|(?:burnt|burned) (?:my ?self|my (?:hand|finger|arm)) (?:on|with) "
    r"(?:the |a )?(?:oven|hob|pan|kettle|stove|toaster|tray|hair straighteners|straighteners)|"
    r"(?:hurt|brifo|frifo) (?:fy|ei) (?:mys|mraich|nghoes|nhroed|mhen|mhen glin)(?: [a-z]+){0,1} "
    r"(?:yn chwarae|yn y gampfa|ar y trampolin)",
    r"(?:got |was |been |get )?(?:hit|struck|smacked|whacked|knocked) (?:in the (?:face|head|eye|"
    r"nose) )?(?:by|with) (?:a|the) (?:ball|football|netball|rugby ball|cricket ball|bat|racket|"
    r"hockey stick|hockey ball|tennis ball|golf ball|puck|shuttlecock|swing|branch|frisbee)"
    r"(?: (?:in|at|during|playing) (?:pe|football|footy|"
    r"netball|rugby|cricket|hockey|training|the park|school|break|lunch))?(?: and (?:now )?"
    r"(?:i |he |she )?(?:have|has|got) a (?:black eye|bruise|bump|nosebleed|lump|fat lip))?",
    r"(?:bruise|bruised|bump|graze|grazed|cut|black eye|sprain|sprained)\w* (?:from|at|in|playing|"
    r"during) (?:the |a )?(?:netball|football|footy|pe|rugby|hockey|training|the park|gymnastics|"
    r"trampolining|dance|basketball|cricket|sports day|boxing|kickboxing|judo|karate|"
    r"martial arts)(?: (?:session|club|class|match|lesson|training))?|(?:im|i am|hes|shes|he is|"
    r"she is|its|it is) fine,? (?:just|only) a (?:fat lip|bruise|graze|scratch|nosebleed|bump)",
    # Fears and worries of ordinary life.
    r"(?:scared|nervous|worried|anxious) (?:on|before) (?:my|the) first day|(?:scared|worried|"
    r"frightened|stressed) (?:that )?(?:i|we) (?:wont|will not|cant|might not|may not) (?:make|"
    r"pay|afford|get|pass|have enough|find)",
    r"(?:dwi |dw i |mae gen i |mae |sgen i )?(?:ofn|gen i ofn|arna i ofn) (?:y tywyllwch|"
    r"pryfed cop|y cwn|y ci|cwn|ci|uchder|nodwyddau|y deintydd|"
    r"arholiadau|stormydd|ysbrydion|taranau)",
    r"(?:scared|frightened|afraid|terrified|petrified|worried|nervous|anxious|stressed) (?:of|"
    r"about) (?:the dark|spiders?|dogs?|heights|clowns|needles|the dentist|wasps|bees|thunder|"
    r"storms|the sea|flying|ghosts|horror films|exams?|tests?|my exams|(?:my |the )?(?:gcses|"
    r"sats|results|mocks|driving test|interview)|moving (?:to )?(?:secondary |high |a new )?"
    r"school|starting (?:secondary |high |a new )?(?:school|college|uni)|secondary school|"
    r"college|uni)",
    # A mishap confessed ("my carer is gonna kill me i broke the hoover"), and a brother
    # who took the last yoghurt, in English and Welsh.
    r"(?:will|gonna|going to|is going to) (?:literally )?(?:kill|murder) (?:me|us) (?:i|we) "
    r"(?:just )?(?:broke|lost|smashed|spilt|spilled|dropped|cracked|ripped|burnt|forgot) "
    r"(?:the|my|his|her|their|our) (?:hoover|phone|remote|tv|telly|plate|mug|glass|vase|"
    r"controller|keys|charger|headphones|homework|lunch|coat|glasses|window|xbox|laptop)|"
    r"(?:gonna|going to|will|wanna) (?:kill|murder) (?:my|her|his) (?:little |big |foster |"
    r"step )?(?:brother|sister|bro|sis|cousin) (?:if|for|when|cos|because) (?:(?:he|she|they) "
    r")?(?:\w+ )?(?:eats?|ate|eating|takes?|took|taking|steals?|stole|stealing|nicks?|nicked|"
    r"uses?|used|using|borrows?|borrowed|breaks?|broke|wears?|wore)|mynd i ladd fy (?:mraw\w*|"
    r"chwaer|nghefnder|nghyfnither) os(?: [a-z]+){0,3} (?:dwyn|cymryd|bwyta|torri|defnyddio|"
    r"benthyg)",
    # Said in jest about chores and school reports.
    r"(?:kill|murder) me (?:if|when) (?:i|we|she|he|they)(?: [a-z]+){0,3} (?:towel|room|"
    r"bedroom|mess|homework|report|report card|grades|marks|results|phone bill|dishes|washing|"
    r"shoes|uniform|hair|curfew|tattoo)|(?:nearly |almost |literally )?died (?:laughing|laffing)|"
    r"(?:tooth|teeth|back|head|feet|legs|knee|stomach|belly|ears?|throat|cramps|hay ?fever) "
    r"(?:is|are) killing me",
    r"(?:dwi |dwin |dw i )?(?:ar |yn )?(?:llwgu|lwgu|llwglyd)(?: [a-z]+){0,2} pryd (?:mae|ma|fydd|"
    r"yw|ydy) (?:swper|te|cinio|bwyd|brecwast)|(?:chased|chasing|hounded) (?:by|for) (?:debt "
    r"collectors|bailiffs|the council|creditors|payment|money|the bill|bills|council tax)",
    # Sent out of a lesson or a team, in English and Welsh; beaten at a game, in Welsh.
    r"(?:kicked|thrown|chucked|sent) out of (?:the |my |a )?(?:class|lesson|lessons|team|club|"
    r"game|shop|group chat|chat)|" + mutated("taflu", "cicio") + r" (?:fi |ni )?(?:allan|mas) "
    r"(?:o|or|o r|o y) (?:wers|dosbarth|tim|clwb|gem)|(?:yn |wedi |di |nath \w+ )?"
    + mutated("curo", "lladd", "bwrw") + r"(?: [a-z]+){0,4} (?:ar|yn|mewn) (?:fifa|fortnite|"
    r"mario ?kart|y gem|gem|pel droed|rygbi|minecraft|roblox|xbox|ps\d|cardiau|pwl|gwyddbwyll)",
    r"(?:shooting|war|fighting|zombie|horror|racing|battle) (?:game|games|film|films|movie|"
    r"movies)",
    # Services cut, not a child: "our respite has been cut from 4 nights to 2".
    r"(?:respite|hours|funding|budget|support|allowance|payments?|money|service|nights|visits|"
    r"contact|package|benefits?|sessions|transport|grant|bus pass)(?: [a-z]+){0,5} (?:has|have|"
    r"had|was|were|got|is being|are being|will be|might be) (?:been )?(?:cut|slashed)",
    # Lessons, training and awareness sessions about a harm: teaching, not a disclosure.
    r"(?:session|sessions|talk|training|lesson|lessons|assembly|play|workshop|course|"
    r"presentation|leaflets?|video|unit|programme|project|module)(?: [a-z]+){0,4} (?:about|on|"
    r"around|covering) (?:child sexual exploitation|cse|county lines|knife crime|grooming|"
    r"online grooming|fgm|forced marriage|online safety|radicalisation|exploitation|"
    r"drugs)(?:(?: and| or)? (?:child sexual exploitation|cse|county lines|knife crime|"
    r"grooming|online grooming|fgm|forced marriage|online safety|radicalisation|"
    r"exploitation|drugs))*|(?:county lines|cse|fgm|forced marriage|grooming|knife crime|"
    r"radicalisation|prevent|exploitation) (?:awareness|training|sessions?|lessons?|workshops?|"
    r"course|assembly|unit|programme)",
    # Things gone missing, not a child.
    r"(?:money|cash|pocket money|birthday money|allowance|savings|phone|bag|stuff|things|clothes|"
    r"parcel|letter|keys|wallet|purse|card|trainers|post|passport|bike|presents?)(?: [a-z]+)"
    r"{0,3} (?:has |have |had |was |were |just )?(?:gone|going|go|went) missing",
    # An advocate's or a friend's note that they send a message on someone's behalf.
    r"(?:she|he|they) (?:asked|wanted|wants|asks) me to (?:send|write|pass on) (?:this|it)"
    r" (?:for|on behalf of) (?:her|him|them)",
    # Weddings as guests and family news.
    r"(?:went|go|going|been) to (?:a|my|the|her|his|our) (?:cousins |aunties |uncles |sisters |"
    r"brothers )?wedding|(?:cousin|aunt|auntie|aunty|uncle|sister|brother|mum|mam|dad|carer)"
    r"(?: [a-z]+){0,1} (?:got|is getting|are getting) (?:married|engaged)",
    # Housing repairs, meals, school work, sport.
    r"(?:bedroom|bathroom|kitchen|living room|lounge)(?: [a-z]+){0,1} (?:window|door|ceiling|"
    r"light|heating|radiator|floor|carpet|wall|walls)|(?:im |i am |were |we are |am )?"
    r"starving (?:after|before|because|cos|till|until|when|whens|what time)|"
    r"(?:pictures?|pics|photos|drawings?) (?:for|in|of) (?:the |my |our )?(?:art|project|"
    r"competition|school|album|class|college)|(?:the )?lads (?:at|from|in) (?:football|footy|"
    r"school|college|the club|training|rugby)",
)

# Answers that are ordinary when they are the whole message (with at most two other words):
# asking to be called, texted or written back, the commonest answer to "what would help",
# and the service's own commands a child texts to follow their case.
# The model stands down on them; inside a longer message they change nothing.
EVERYDAY_ANSWERS = (
    # "call me back please", and the form's answer to "what would help": "a worker who calls
    # me back" (raised as an alert by round 10's model, found by the clean-clone CI run).
    r"(?:(?:a |an |my |the )?(?:worker|social worker|sw|person|someone|somebody|manager|"
    r"advocate|pa) (?:who|that|to|wholl|who will|who would) )?"
    r"(?:can |could |will |would )?(?:(?:some ?one|somebody|you|u) )?(?:please |pls |plz )?"
    r"(?:call|calls|ring|rings|phone|phones|text|texts|txt|email|emails|message|messages|"
    r"get back to|gets back to) (?:me|us|my (?:mum|mam|dad|carer|foster carer|nan|gran)) "
    r"(?:back|bk)",
    r"(?:ffonio|ffoniwch|ffonia|tecstio|tecstiwch) (?:fi|ni) (?:yn |n )?(?:ol|nol)",
    # The service's own commands, with a reference and the secret number: STATUS ABCD-EFGH
    # 123456, LOOK AGAIN ABCD-EFGH, and the Welsh STATWS and EDRYCH ETO. The fold squeezes
    # a reference's doubled letters ("VKKB-HSN4" reads "vkb hsn4"), so its halves may be
    # shorter than four.
    r"(?:status|statws|look again|edrych eto)(?: [a-z0-9]{1,4} ?[a-z0-9]{1,4})?"
    r"(?: [0-9]{3} ?[0-9]{3})?",
)
