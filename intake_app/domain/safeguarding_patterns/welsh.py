"""Welsh patterns, per kind (standard and texting Welsh, north and south forms).

Data, not code, matched like the English tables against the folded text: accents are
folded away ("â" reads "a") and apostrophes dropped ("teimlo'n" reads "teimlon").

A Welsh word changes its first letters after the word before it ("taro" hit: "ei daro" hit
him, "fy nharo" hit me, "ei tharo" hit her), so the key verbs and nouns are written once as
their radical and ``mutated`` spells every form; texting and spoken forms ("isio", "moyn",
"di" for "wedi", "sai" for "dwi ddim") and English verbs with a Welsh ending ("hitio") sit
beside them.
"""

# Soft, nasal and aspirate forms of each initial (Welsh mutations); "ll" and "dd" fold to
# "l" and "d" when letter runs are squeezed, so "lladd" and "ladd" already read the same.
_MUTATIONS: dict[str, tuple[str, ...]] = {
    "p": ("b", "mh", "ph"), "t": ("d", "nh", "th"), "c": ("g", "ngh", "ch"),
    "b": ("f", "m"), "d": ("dd", "n"), "g": ("", "ng"), "m": ("f",), "ll": ("l",),
    "rh": ("r",),
}


def mutated(*radicals: str) -> str:
    """A regex alternation of ``radicals`` and every mutated form of each."""
    forms: list[str] = []
    for word in radicals:
        forms.append(word)
        for initial in ("ll", "rh", word[:1]):
            if word.startswith(initial) and initial in _MUTATIONS:
                forms.extend(form + word[len(initial):] for form in _MUTATIONS[initial])
                break
    return "(?:" + "|".join(dict.fromkeys(forms)) + ")"


_HIT = mutated("taro", "curo", "cicio", "bwrw", "brifo", "dyrnu", "pwnio", "colbio", "waldio",
               "clatsio", "slapio", "tagu", "gwthio", "taflu", "llosgi", "anafu", "cam drin",
               "camdrin", "hitio", "pynsio", "beltio", "stido", "pinsio", "cnoi", "poeri")
# "Taro i mewn i" is to bump into someone; "taflu allan o'r wers" is sent out of a lesson.
_NOT_BUMPED = r"(?! (?:i |fi )?(?:i mewn|allan o|mas o))"
_SELF_HARM = mutated("lladd", "brifo", "torri", "llosgi", "niweidio", "anafu", "crafu", "tagu",
                     "cosbi", "self harmio")
_WANT = r"(?:eisiau|isio|isie|ishe|eisie|eisio|isho|ishio|moyn|mo[iy]n|am|angen|mynd i|yn mynd i)"
_NOT_WANT = (r"(?:ddim|sai|sa i|so fi|smo fi|smo i|dwi ddim|dw i ddim|dydw i ddim|nid wyf)"
             r" (?:eisiau|isio|isie|ishe|eisie|eisio|isho|moyn|mo[iy]n)")
_ME = r"(?:fi|i|ni|mi)"
_TABLETS = (mutated("tabledi", "tabled", "pils", "parasetamol", "paracetamol", "moddion",
                    "meddyginiaeth", "cannydd", "gwenwyn", "capsiwlau") + r"|bleach|pills|"
            r"tablets|meds|ibuprofen|co ?codamol")
_TAKE = (mutated("cymryd", "llyncu", "cymerais", "cymerodd", "cymres", "cymrodd", "llyncais",
                 "llyncodd", "bwyta") + r"|yfed|yfais|yfodd|necio")
_LOTS = (r"(?:holl|i gyd|llwyth|lot|lwyth|gormod|llond llaw|pecyn|becyn|bocs|focs|potel|botel|"
         r"[5-9]|[1-9]\d+|deg|pymtheg|ugain|dwsin)")
_PLACE_HIGH = mutated("pont", "to", "clogwyn", "adeilad", "twr", "balconi")

WELSH: dict[str, tuple[str, ...]] = {
    "self_harm_suicide": (
        r"(?:noson|diwrnod|neges) (?:ola|olaf)|(?:sori|sorri|hwyl fawr|ffarwel) i bawb",
        r"(?:rasel|raser|razor|llafn|cyllell|gyllell|tabledi|dabledi|rhaff|raff)(?: [a-z]+){0,10} "
        r"(?:mynd iw|mynd i w|mynd i|am ei|yn mynd iw) (?:wneud|neud|gwneud)(?: e| o| hi)? "
        r"(?:nawr|rwan|heno)",
        r"(?:dechrau|dechre|ail ddechrau|wedi dechrau) (?:torri|dorri|brifo|frifo|llosgi|losgi)|"
        r"(?:neidio|naid) (?:oddi ar|oddir|off|o|or|o r) (?:y |r )?" + _PLACE_HIGH,
        r"(?:methu|ffaelu|ffili|ddim yn gallu|sa in gallu|sain gallu|sai n gallu|dwi ddim yn gallu)"
        r" (?:cario|mynd) (?:mlaen|ymlaen)|llythyr (?:ffarwel|hwyl fawr)",
        _SELF_HARM + r" (?:fy|ei|eu) (?:hun|hunan|hunain)|" + _WANT + r" (?:marw|farw|"
        r"diflannu|neidio (?:oddi ar|off|o)|lladd fy)|" + _NOT_WANT + r" (?:byw|bod yma|bod yn "
        r"fyw|deffro|bod o gwmpas)|(?:ar|ar ben|ar y|ar ben y) " + _PLACE_HIGH
        + r"(?: [a-z]+){0,6} (?:neidio|neidio off|naid)|(?:wedi|di|yn|dal i) self ?harm\w*",
        # "Llond bol" is fed up: of living it is a disclosure, of homework or a late bus not.
        r"lladd fy hun|llond bol(?! (?:ar|o|efo|gyda|hefo) (?!fyw|bywyd|popeth|bob dim))",
        r"(?:eisio|isho|ishio|isie|ishe) marw|isio marw",
        r"(?:eisiau|isio|isie|eisie|ishe|moyn|mo[iy]n|am) marw|lladd fy (?:hun|hunan)|"
        r"(?:brifo|frifo|niweidio|anafu|torri) (?:fy|ei|eu) (?:hun|hunan)|hunan ?niweidio|"
        r"hunanladdiad|lladd (?:ei|eu) hun(?:an)?|dim pwynt (?:byw|bod yma|mynd ymlaen)|"
        r"gwell (?:fyd |byd |pawb |pawb arall )?(?:hebdda i|heb fi|hebddo fi)",
        r"ddim (?:eisiau|eisio|isio|isie|ishe|moyn|moin|mo[iy]n) (?:byw|bod yma|bod ar ol|deffro|"
        r"bod yn fyw)|"
        r"(?:eisiau|isio|isie|moyn|mo[iy]n) (?:diflannu am byth|cysgu am byth|lladd fy hun|"
        r"rhoi diwedd)|"
        r"(?:wedi|yn|dal i|dal yn) (?:torri|brifo|niweidio|llosgi) fy (?:hun|hunan|mraich|"
        r"mreichiau|nghoes|nghoesau|arddwrn)|"
        r"meddwl am (?:ladd fy hun|farw|hunanladdiad|ddiweddu|neidio)|gwell (?:gen i|gennai) farw|"
        r"rhoi diwedd ar (?:fy mywyd|bethau|y cwbl|popeth)|neb yn (?:poeni|malio) (?:os|"
        r"tase) (?:fi|i) (?:n )?marw",
    ),
    "physical_abuse": (
        mutated("tynnu") + r" (?:fy|ei|eu) " + mutated("gwallt"),
        r"(?:rhoi|roi|rhoid|cael|gael|ges|cafodd) " + mutated("cweir", "stid", "crasfa", "cosfa"),
        r"(?:fy|yn fy|wedi fy|di fy|cael fy|gael fy|nghael fy) " + _HIT + _NOT_BUMPED + r"|"
        + _HIT + _NOT_BUMPED + r" " + _ME + r"(?! (?:yn|ar) (?:fifa|gem|pel|rygbi|ffwtbol|pwl))|"
        r"(?:ei|eu) " + _HIT + r" (?:e|fe|o|fo|hi|nhw)|" + mutated("cleisiau", "clais", "gwaed")
        + r" (?:ar fy|ar ei|achos|gan|ar ol)",
        r"(?:llystad|llysfam|tad|dad|mam) (?:yn|wedi) (?:fy )?(?:nharo|nghuro|mrifo|nghicio)",
        r"(?:fy|ei|yn|wedi) (?:nghuro|curo|guro|churo|nghicio|cicio|gicio|slapio)",
        r"(?:fy|ei|yn|wedi|eu) (?:nharo|taro|daro|tharo)|yn fy mwrw|fy mwrw|"
        r"(?:fy|yn|wedi) (?:mrifo|mrifo i|mrifon)|brifo fi|(?:fy|yn fy) (?:ngham|cam) ?drin|"
        r"(?:ngham|cham|gam|cam) ?drin",
        r"(?:yn|wedi) fy (?:ngwthio|nyrnu|nghicio|nharo|mwrw|mrifo|nghuro|slapio|nhagu)|"
        r"(?:cleisiau|clais|llygad ddu) (?:ar|achos|gan)|ymosod arna (?:i|fi)|(?:taro|curo|bwrw|"
        r"cicio|dyrnu) (?:fi|hi|fe|o|nhw)",
    ),
    "sexual_abuse": (
        r"(?:gofyn|ofyn|eisiau|isio|moyn|gwneud|neud|gorfodi|orfodi|ngorfodi)(?: [a-z]+){0,3} "
        + mutated("tynnu") + r" (?:fy|ei|eu) " + mutated("dillad", "top", "trwsus", "trowsus"),
        mutated("llaw", "dwylo", "bysedd") + r" (?:o dan|dan|i mewn i|lawr|tu mewn i) (?:fy|ei) "
        + mutated("dillad", "trwsus", "trowsus", "sgert", "nicer", "pants"),
        r"(?:neud|gwneud|wneud|gneud|neith|nath) (?:pethau|petha|pethe|stwff)(?: [a-z]+){0,2} i "
        r"(?:fi|mi|ni|hi)(?: [a-z]+){0,3} (?:yn y nos|gyda r nos|ddim yn (?:licio|hoffi|lecio)|"
        r"dim yn (?:licio|hoffi)|cas|rhyfedd|drwg)|" + mutated("gorfodi", "gorfod") + r" (?:fi |i |"
        r"fi i |hi i |ni i )?(?:gael|cael) rhyw",
        mutated("treisio", "cam drin rhywiol") + r"|" + mutated("cyffwrdd", "twtsio", "twtsho",
        "byseddu") + r" (?:a |ag |yn )?(?:fi|fy|ynddo i|ynof|ynddi|hi)|(?:fy|yn fy|wedi fy) "
        + mutated("cyffwrdd", "twtsio", "byseddu") + r"|dod (?:i|in|ir|mewn i|i mewn i)"
        r"(?: n| fy| ei)? (?:stafell|ystafell|wely|ngwely|gwely|llofft|lofft)(?: [a-z]+){0,2} "
        r"(?:yn y nos|gyda r nos|gydar nos|bob nos|pob nos|pan (?:ma|mae) (?:mam|dad) "
        r"(?:allan|yn gwaith|yn y gwaith))",
        r"(?:fy|yn fy) nghyffwrdd|beichiog(?: [a-z0-9]+){0,4} (?:1[0-5]|deg|un ar ddeg|deuddeg|"
        r"tri ar ddeg|pedwar ar ddeg|pymtheg)",
        r"cyffwrdd (?:a |ag |yn )?(?:fi|fy|a fi|ynddo i|ynof fi|ynddi)|cyffwrdd a fi|"
        r"treisio|trais rhywiol|cam ?drin rhywiol",
        r"(?:cyffwrdd|twtsho|twtsiad) (?:a |ag |yn )?(?:fi|hi|fy|ei) (?:rhannau preifat|mhen ol|"
        r"bronnau)|"
        r"rhannau preifat|gwneud pethau (?:rhyfedd|drwg|cas) i (?:fi|hi)|dod i (?:fy|"
        r"ei) (?:ngwely|gwely|stafell) (?:yn y nos|gyda nos)",
    ),
    "emotional_abuse": (
        mutated("galw") + r" (?:i|fi|ni)? ?(?:n|yn) (?:dwp|twp|hyll|dew|tew|ddiwerth|diwerth|"
        r"sbwriel|ddim byd|dda i ddim|fabi|babi)",
        r"(?:difaru|difaru cael|edifar|edifaru)(?: [a-z]+){0,2} (?:fi|fy nghael|ein cael|cael fi|"
        r"cael ni)",
        r"ofn (?:e|fe|hi|nhw|arna i|arnaf|mynd adre\w*|mynd nol|fy|ei)|mae ofn|dw i ofn|dwi ofn|"
        r"(?:b|m|f)ygwth\w*|gweiddi arna i|arna i ofn|arnaf ofn",
        r"galw enwau arna (?:i|fi)|dweud (?:fy mod i|mod i|bo fi)(?: [a-z]+)? (?:dda i ddim|dwp|"
        r"dew|hyll|diwerth)|"
        r"ofn (?:fy nhad|fy mam|fy llystad|fy llysfam|mynd adref|mynd adre)",
    ),
    "neglect": (
        r"neb yn (?:edrych|gofalu) ar (?:ol|ein hol|fy ol|ei hol)|neb yn (?:edrych|gofalu) (?:ar "
        r"ol )?(?:fy|ein|ei) (?:chwaer|mrawd|brawd|babi|plant)|" + mutated("meddw") + r" (?:bob "
        r"dydd|bob nos|trwyr amser|drwyr amser|o hyd|trwy r amser|drwy r amser)",
        r"(?:heb|dim|neb wedi rhoi|ddim wedi cael|heb gael)(?: [a-z]+){0,2} (?:bwyd|fwyd|bwyta|"
        r"fwyta)(?: [a-z]+){0,3} ers (?:dau|tri|pedwar|\d+|dyddiau|ddyddiau|ddoe|y penwythnos)",
        r"(?:gadael|adael|gadel|adel) (?:ni|fi|nhw|ni n|fi n)? ?(?:ar (?:ben )?(?:ein|fy|eu) "
        r"(?:hun|hunan|hunain))|ar (?:ben )?(?:ein|fy|eu) (?:hun|hunan|hunain)(?: [a-z]+){0,2} "
        r"(?:drwy|trwy|drwyr|trwyr|dros|am) (?:nos|y nos|dydd|dyddiau|penwythnos|wythnos)",
        r"ddim yn (?:teimlo ?n |teimlon |teimlo yn )?(?:ddiogel|diogel|saff)|"
        r"(?:dim|heb) (?:bwyd|fwyd)|llwgu|newynu|ar (?:ben )?(?:fy|ein) hun(?:an)? drwy",
        r"dim (?:bwyd|byd i fwyta) yn y (?:ty|tŷ|cwpwrdd|ffrij)|llwglyd (?:trwyr amser|"
        r"drwyr amser|o hyd|bob dydd)|"
        r"(?:ein|fy) gadael (?:ni|i|fi)? ?(?:ar (?:ben )?(?:ein|fy) (?:hunain|hun)|"
        r"adre (?:ar ben|ein hunain))|"
        r"(?:meddw|wedi meddwi) (?:trwyr amser|drwyr amser|o hyd|bob nos|bob dydd)",
    ),
    "domestic_abuse": (
        _HIT + r" (?:mam|mami|fy mam|dad|fy nhad)(?! (?:ar|yn|mewn) (?:fifa|gem|gardiau|cardiau|"
        r"pwl|gwyddbwyll|mario ?kart))",
        mutated("taflu") + r" (?:pethau|petha|pethe|platiau|llestri|stwff|pethau)? ?at (?:mam|dad|"
        r"fi|ni|hi|fy mam)",
        r"(?:taro|daro|brifo|frifo|cam ?drin) (?:mam|mami|dad|fy mam)|trais yn y cartref",
        r"(?:dad|tad|llystad|cariad mam|fy nhad|partner mam) (?:yn|wedi) (?:taro|brifo|curo|bwrw|"
        r"cicio|tagu) mam|"
        r"ymladd (?:trwyr amser|bob nos|o hyd)|heddlu (?:wedi dod|yn dod|wedi bod) (?:eto|i r ty|"
        r"ir ty)",
    ),
    "missing": (
        mutated("cicio", "taflu", "cael") + r" (?:fi |ni |fy |ei )?(?:allan|mas|ma s)"
        r"(?! (?:o|o r|or|o y) (?:gem|tim|dosbarth|wers|ysgol))|(?:heb|dim|sgen i ddim|"
        r"sgin i ddim) (?:le|lle|nunlle|unman|nunman) (?:i|y) (?:gysgu|aros|fynd|fyw)",
        r"(?:unman|nunlle|nunman|unlle) (?:i|y|lle) (?:gysgu|gysgu heno|aros|fyw|fynd|mynd)|"
        r"(?:does|dim|heb|sgen|sgin|sgenna|sgena|dwi heb)(?: [a-z]+){0,3} (?:le|lle|unman|"
        r"nunlle|gwely|cartref|gartref) (?:i|y) (?:gysgu|aros|fyw|fynd)|"
        r"rhedeg (?:i )?(?:ffwrdd|bant)|wedi rhedeg|ar goll|(?:dim|heb) (?:lle|unman|le) "
        r"(?:i|y) (?:gysgu|gysgu heno|aros|fynd)|digartref|cysgu (?:allan|ar y stryd)",
        r"ddim wedi dod (?:adre|adref|nol)|ar goll ers|cysgu (?:ar y stryd|allan|yn y parc|"
        r"mewn car)|"
        r"(?:dim|heb) (?:lle|unman|le) i (?:gysgu|aros) heno|(?:wedi )?(?:cael fy nhaflu|nhaflu|"
        r"taflu fi) allan",
    ),
    "exploitation": (
        r"(?:gwerthu|cario|cuddio) (?:cyffuriau|stwff|pethau) (?:iddyn|iddo|iddi)|"
        r"cyffuriau|gorfodi fi",
        r"cario (?:pecynnau|bagiau|parseli) (?:i|iddyn|iddo)|gwerthu (?:cyffuriau|dope|gwair)|"
        r"llinellau sirol|"
        r"(?:mewn )?dyled i (?:nhw|fe|fo|dynion|bechgyn hyn)",
    ),
    "bullying_threats": (
        r"bwlio|mwlio|fwlio|bwli|bygwth fy (?:lladd|mrifo|nharo)",
        r"cael fy (?:mwlio|mygwth|nghuro|mrifo) (?:yn yr ysgol|bob dydd|gan)|"
        r"bygwth fy (?:nhrywanu|nghuro|mrifo)|"
        r"(?:am|mynd i) fy (?:nhrywanu|nghuro|lladd)|trywanu",
    ),
    "immediate_danger": (
        # A fire at home ("ma tân yn y gegin"; folded, tân reads tan, which also means "until").
        r"(?:mae|ma) (?:na |yna )?tan (?:yn|yn y|yn yr|lawr llawr|lawr staer)(?: [a-z]+)? ?"
        r"(?:gegin|ty|stafell|lolfa|fflat|adeilad|cartref|llofft)?(?: [a-z]+){0,6} (?:cloi|"
        r"sownd|methu|ffaelu|ffili|lan llofft|i fyny grisiau)",
        r"(?:plis|pls|plz) (?:helpwch|help)|helpwch (?:ni|fi|plis)|(?:torri|dorri|cicio|gicio)"
        r" (?:r|y|yr)? ?(?:drws|ffenest) (?:lawr|i lawr|i mewn)",
        r"(?:fy|wedi fy|di fy|cael fy|yn fy) " + mutated("cloi") + r"|(?:methu|ffaelu|ffili|"
        r"ddim yn gallu) (?:dod|mynd|cael) (?:allan|mas|ma s)|(?:mynd i|mynd in|am|gonna|"
        r"going to)(?: n| fy| ein)? (?:lladd|ladd|" + _HIT + r") (?:fi|i|ni)|tu (?:allan|fas) "
        r"(?:i|ir|i r) (?:drws|ty|stafell|ffenest)(?: [a-z]+){0,4} (?:nawr|rwan|ofn)",
        r"mewn perygl|helpwch fi|help fi|ffoniwch yr heddlu|(?:mae|mae e|mae o|mae hi) yma nawr",
        r"help (?:plis|nawr|rwan|rŵan)|dewch (?:yn )?(?:gyflym|nawr|rwan)|mae (?:e|o|hi|"
        r"nhw) tu allan|"
        r"ffoniwch (?:999|ambiwlans)|ofn am fy mywyd|yn fy lladd (?:i )?(?:nawr|rwan)",
    ),
    "overdose_poisoning": (
        r"(?:yfed|yfais|yfodd|llyncu|lyncu) (?:stwff|hylif|pethau|petha) (?:glanhau|golchi|llnau)",
        r"(?:" + _TAKE + r") (?:" + _TABLETS + r") (?:fy|ei|eu) (?:mam|mham|fam|nhad|tad|dad|nain|"
        r"mamgu|famgu|nhaid|taid|dadcu|chwaer|mrawd|brawd)|(?:" + _TAKE + r") (?:" + _TABLETS
        + r")(?: [a-z]+){0,4} (?:tua |bron |dros )?" + _LOTS,
        r"(?:" + _TAKE + r")(?: [a-z0-9]+){0,3} " + _LOTS + r"(?: o| of)?(?: [a-z]+){0,2} (?:"
        + _TABLETS + r")|(?:" + _TAKE + r")(?: [a-z]+){0,3} (?:" + _TABLETS + r") i gyd|"
        r"(?:wedi|di|newydd) (?:cymryd|gymryd|neud|gwneud) (?:overdose|od|gorddos)",
        r"gorddos\w*|gor ddos\w*|(?:wedi |newydd )?(?:cymryd|llyncu|lyncu|gymryd) (?:llwyth o |"
        r"lot o |gormod o |llond llaw o |pecyn cyfan o |yr holl |\d+ (?:o )?)(?:dabledi|tabledi|"
        r"pils|parasetamol|paracetamol|moddion|meddyginiaeth)|(?:yfed|llyncu|wedi yfed) (?:cannydd|"
        r"bleach|gwenwyn)",
    ),
    "sexual_exploitation": (
        r"ecsbloetio rhywiol|camfanteisio rhywiol|meithrin perthynas amhriodol|"
        r"cariad (?:sy|sydd|sy n|syn) (?:llawer )?(?:hyn|\d\d)|dynion (?:hyn|hyn na fi|mewn ceir)|"
        r"(?:rhyw|cysgu) (?:gyda|efo|hefo) (?:ei ffrindiau|ffrindiau (?:e|o|fe)|dynion)|"
        r"rhoi (?:fepio|fape|alcohol|arian|anrhegion) i fi",
    ),
    "online_sexual_abuse": (
        mutated("lluniau", "llunia", "fideos", "fideo") + r" (?:noeth|noethlymun|heb (?:ddillad|"
        r"dillad|ddim dillad|dop|top)|rhywiol|budr)|(?:gofyn|holi|isio|eisiau|moyn) (?:am )?"
        r"(?:nudes|noethluniau|" + mutated("lluniau", "llunia") + r" (?:noeth|heb))",
        r"lluniau (?:noeth|ohona i|ohoni)|(?:rhannu|anfon|postio|dangos) (?:fy |ei |y )?lluniau|"
        r"(?:bygwth|am) (?:rhannu|ddangos|anfon|bostio) (?:fy |ei |y )?lluniau|(?:gofyn|"
        r"holi) am luniau",
    ),
    "modern_slavery": (
        r"gweithio heb (?:gyflog|dal|dâl|arian)|(?:ddim yn cael|dim hawl i) (?:mynd i r ysgol|"
        r"mynd ir ysgol|gadael|mynd allan)(?: [a-z]+){0,4} (?:gweithio|glanhau|coginio)",
        r"caethwasiaeth|caethwas modern|masnachu (?:pobl|plant)|gweithio am ddim|"
        r"(?:cymryd|cadw|wedi cymryd|wedi cadw) fy (?:mhasbort|mhapurau|nogfennau)|dim cyflog",
    ),
    "radicalisation": (
        r"radicaleiddio|radicaleiddiad|eithafiaeth|eithafwyr|eithafol|grwp eithafol|"
        r"(?:ymuno|ymuno a|ymuno ag) (?:isis|grwp eithafol|eithafwyr)|(?:gwneud|adeiladu) bom",
    ),
    "forced_marriage": (
        mutated("priodi") + r"(?: [a-z]+){0,4} (?:erioed wedi (?:cwrdd|cyfarfod|gweld|weld)|heb "
        r"(?:gwrdd|gyfarfod|weld)|ddim yn (?:nabod|adnabod|ei nabod))|(?:mynd a|cymryd|mynd "
        r"ag) (?:fi|hi|ni) i(?: [a-z]+){1,2} i (?:briodi|priodi)",
        r"rhaid (?:i )?(?:fi|mi|hi|ni|ti) " + mutated("priodi") + r"|" + mutated("priodi")
        + r" (?:fy|ei) " + mutated("cefnder", "cyfnither"),
        r"(?:fy|ei|eu) (?:ngorfodi|gorfodi|horfodi) i (?:briodi|briodas)|gorfod priodi|"
        r"priodi (?:fy|ei) (?:nghefnder|cefnder|chefnder|nghyfnither|cyfnither|chyfnither)|"
        r"(?:fy mod i|mod i|bo fi|bod hi|ei bod hi)(?:n| yn) priodi|priodi (?:dyn|rhywun) "
        r"(?:dw i|dwi|dydw i|mae hi|dyw hi)(?: [a-z]+){0,2} (?:ddim yn )?(?:nabod|adnabod)",
        r"priodas (?:dan orfod|orfodol|wedi ei threfnu)|gorfodi (?:fi|hi|fe|fo|ni) i (?:briodi|"
        r"briodas)|"
        r"(?:priodi|briodi) (?:fi|hi) (?:i|a|ag) (?:ddyn|dyn|cefnder|rhywun)|ddim (?:eisiau|"
        r"isio) priodi",
    ),
    "fgm": (
        r"(?:am|mynd i|yn mynd i|eisiau) (?:fy nhorri|ei thorri|eu torri)|(?:cael|gael) (?:fy "
        r"nhorri|ei thorri|eu torri)(?: [a-z]+){0,6} (?:fel|adref|adre|haf|gwyliau|merched|"
        r"seremoni|dros)|(?:fy nhorri|ei thorri)(?: i| hi)? (?:pan|dros|yn yr haf|adref|adre)",
        r"anffurfio organau cenhedlu|enwaedu (?:ar )?(?:ferched|merched)|enwaediad benywod|"
        r"torri (?:merched|hi|fi) (?:lawr|i lawr) (?:fan )?(?:yna|na|fanna)",
    ),
}
