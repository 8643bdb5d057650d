"""Welsh patterns, per kind (standard and texting Welsh, north and south forms).

Data, not code, matched like the English tables against the folded text: accents are
folded away ("â" reads "a") and apostrophes dropped ("teimlo'n" reads "teimlon").
"""

WELSH: dict[str, tuple[str, ...]] = {
    "self_harm_suicide": (
        r"lladd fy hun|llond bol",
        r"(?:eisio|isho|ishio|isie|ishe) marw|isio marw",
        r"(?:eisiau|isio|isie|eisie|ishe|moyn|mo[iy]n|am) marw|lladd fy (?:hun|hunan)|"
        r"(?:brifo|frifo|niweidio|anafu|torri) (?:fy|ei|eu) (?:hun|hunan)|hunan ?niweidio|"
        r"hunanladdiad|lladd (?:ei|eu) hun(?:an)?|dim pwynt (?:byw|bod yma|mynd ymlaen)|"
        r"gwell (?:fyd |byd |pawb |pawb arall )?(?:hebdda i|heb fi|hebddo fi)",
    ),
    "physical_abuse": (
        r"(?:llystad|llysfam|tad|dad|mam) (?:yn|wedi) (?:fy )?(?:nharo|nghuro|mrifo|nghicio)",
        r"(?:fy|ei|yn|wedi) (?:nghuro|curo|guro|churo|nghicio|cicio|gicio|slapio)",
        r"(?:fy|ei|yn|wedi|eu) (?:nharo|taro|daro|tharo)|yn fy mwrw|fy mwrw|"
        r"(?:fy|yn|wedi) (?:mrifo|mrifo i|mrifon)|brifo fi|(?:fy|yn fy) (?:ngham|cam) ?drin|"
        r"(?:ngham|cham|gam|cam) ?drin",
    ),
    "sexual_abuse": (
        r"(?:fy|yn fy) nghyffwrdd|beichiog(?: [a-z0-9]+){0,4} (?:1[0-5]|deg|un ar ddeg|deuddeg|"
        r"tri ar ddeg|pedwar ar ddeg|pymtheg)",
        r"cyffwrdd (?:a |ag |yn )?(?:fi|fy|a fi|ynddo i|ynof fi|ynddi)|cyffwrdd a fi|"
        r"treisio|trais rhywiol|cam ?drin rhywiol",
    ),
    "emotional_abuse": (
        r"ofn (?:e|fe|hi|nhw|arna i|arnaf|mynd adre\w*|mynd nol|fy|ei)|mae ofn|dw i ofn|dwi ofn|"
        r"(?:b|m|f)ygwth\w*|gweiddi arna i|arna i ofn|arnaf ofn",
    ),
    "neglect": (
        r"ddim yn (?:teimlo ?n |teimlon |teimlo yn )?(?:ddiogel|diogel|saff)|"
        r"(?:dim|heb) (?:bwyd|fwyd)|llwgu|newynu|ar (?:ben )?(?:fy|ein) hun(?:an)? drwy",
    ),
    "domestic_abuse": (
        r"(?:taro|daro|brifo|frifo|cam ?drin) (?:mam|mami|dad|fy mam)|trais yn y cartref",
    ),
    "missing": (
        r"(?:unman|nunlle|nunman|unlle) (?:i|y|lle) (?:gysgu|gysgu heno|aros|fyw|fynd|mynd)|"
        r"(?:does|dim|heb|sgen|sgin|sgenna|sgena|dwi heb)(?: [a-z]+){0,3} (?:le|lle|unman|"
        r"nunlle|gwely|cartref|gartref) (?:i|y) (?:gysgu|aros|fyw|fynd)|"
        r"rhedeg (?:i )?(?:ffwrdd|bant)|wedi rhedeg|ar goll|(?:dim|heb) (?:lle|unman|le) "
        r"(?:i|y) (?:gysgu|gysgu heno|aros|fynd)|digartref|cysgu (?:allan|ar y stryd)",
    ),
    "exploitation": (
        r"(?:gwerthu|cario|cuddio) (?:cyffuriau|stwff|pethau) (?:iddyn|iddo|iddi)|"
        r"cyffuriau|gorfodi fi",
    ),
    "bullying_threats": (
        r"bwlio|mwlio|fwlio|bwli|bygwth fy (?:lladd|mrifo|nharo)",
    ),
    "immediate_danger": (
        r"mewn perygl|helpwch fi|help fi|ffoniwch yr heddlu|(?:mae|mae e|mae o|mae hi) yma nawr",
    ),
}
