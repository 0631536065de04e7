"""Spanish patterns for the apology checker.

Data only, the same names as `patterns_en.py` (ALPHABET, COMMON_WORDS,
COMPONENTS, FLAGS, EXCEPT), read one sentence at a time, case-insensitive,
bounded repeats only. People type on phones without accents, so letters
that carry one match either way (`perd[oó]n`), and both tú and vos forms are
read where they differ ("perdóname", "perdoname"). Verbs carry the person in
Spanish, so the first person is read from the ending ("mentí", "olvidé"),
not from a pronoun.

The development set these were tuned on is troth/repair/tests/
apology_set_es.py; how they were measured is in docs/apology-checker.md.
These lists are a heuristic written for Troth, not a validated instrument.
"""

ALPHABET = r"[A-Za-záéíóúüñÁÉÍÓÚÜÑ]"

# Frequent Spanish words, with and without accents: when almost none of a
# text's words are among them, it is probably not Spanish.
_COMMON = """
    de la que el en y los se del las un por con no una su para es al lo
    como más mas pero sus le ya o fue este ha sí si porque esta está son
    entre cuando muy sin sobre también tambien me hasta hay donde quien
    desde todo nos todos uno les ni ese eso esto mí yo otro otra él tanto
    esa mucho nada cual poco ella estar algo mi mis tú tu te ti tus vos
    siento perdón perdon estaba estoy eres soy era tengo hice qué cómo
    lo siento sé quiero voy vas fui estuvo mal nunca siempre aunque así
    asi bien ahora hoy ayer anoche solo sólo tan tampoco pues vez día dia
    casa amor verdad hacer había habia he has hemos tienes puedo puedes
    quería queria sabes tenía tenia dije hiciste estás estas estés estes
    usted vosotros ustedes nosotras
"""
COMMON_WORDS = frozenset(_COMMON.split())

# First-person acts that hurt a partner, in the preterite ("te mentí").
_ACTS = (
    r"(?:ment[ií]|enga[nñ][eé]|escond[ií]|romp[ií]|olvid[eé]|ignor[eé]|"
    r"grit[eé]|le[ií]|revis[eé]|gast[eé]|traicion[eé]|falt[eé]|fall[eé]|"
    r"cont[eé]|cancel[eé]|insult[eé]|humill[eé]|eleg[ií]|dej[eé]|"
    r"beb[ií] demasiado|te dije(?! que lo siento)|dije cosas|te hice da[nñ]o|hice mal|"
    r"me pas[eé]|me burl[eé]|me fui|me cerr[eé]|me equivoqu[eé]|"
    r"la regu[eé]|la cagu[eé]|la he liado|la li[eé]|lo pagu[eé] contigo|"
    r"mir[eé] tu|esp[ií][eé]|coquete[eé]|te avergonc[eé]|"
    r"segu[ií] haci[eé]ndolo|met[ií] la pata|la embarr[eé]|la jod[ií]|"
    r"me port[eé]|me comport[eé]|actu[eé] mal|te trat[eé]|te habl[eé] mal|"
    r"te decepcion[eé]|te lastim[eé]|te her[ií]|te ocult[eé]|no cumpl[ií]|"
    r"me olvid[eé]|perd[ií]|cog[ií]|agarr[eé]|us[eé]|tom[eé]|"
    r"no te escuch[eé]|no te defend[ií]|no estuve|no fui (?:sincer|honest)[oa])"
)
# What the act was, said of it or of the writer ("estuvo mal", "fue egoísta").
_WRONG = (
    r"(?:mal|fatal|injusto|cruel|ego[ií]sta|deshonesto|fuera de lugar|"
    r"una traici[oó]n|una invasi[oó]n|un error|horrible|feo|una falta de respeto|"
    r"irrespetuoso|de mal gusto)"
)
# How the writer was, as a reason ("estaba agobiada").
_STATES = (
    r"(?:ansios[oa]|estresad[oa]|agobiad[oa]|agotad[oa]|cansad[oa]|"
    r"asustad[oa]|celos[oa]|borrach[oa]|nervios[oa]|enfadad[oa]|enojad[oa]|"
    r"triste|sol[oa]|bajo (?:mucha )?presi[oó]n|a full|pas[aá]ndolo mal|"
    r"hundid[oa]|desbordad[oa]|insegur[oa]|preocupad[oa]|con miedo|de malas|"
    r"a tope|hasta arriba|de mal humor|quemad[oa]|deprimid[oa])"
)

COMPONENTS = {
    "responsibility": [
        r"\bmi culpa\b",
        r"\bculpa m[ií]a\b",
        r"\b(?:asumo|acepto|reconozco) (?:toda |la |mi )?(?:responsabilidad|culpa)\b",
        r"\blo (?:asumo|reconozco)\b",
        r"\b(?:asumo|reconozco) lo que hice\b",
        r"\breconozco que\b",
        r"\bsoy (?:el |la )?responsable\b",
        r"\bfui yo\b",
        r"\blo hice yo\b",
        r"\bme (?:he )?equivocado\b",
        r"\bno (?:deb[ií]|deber[ií]a haber|tendr[ií]a que haber|ten[ií]a (?:ning[uú]n )?derecho|"
        r"hab[ií]a derecho)",
        r"(?<!no )\b(?:estuvo|estuvieron|fue|ha sido|es|era) (?:muy |tan |totalmente |"
        r"completamente )?" + _WRONG + r"\b(?: de mi parte)?",
        r"\bno (?:fue|es|estuvo|era) (?:justo|correcto|normal|bonito)\b",
        r"\b" + _ACTS + r"\b",
        r"\bfui (?:un|una) (?:tarad[oa]|idiota|imb[eé]cil|tont[oa]|ego[ií]sta|cobarde|"
        r"brut[oa]|desconsiderad[oa]|bolud[oa]|pendej[oa]|capullo|gilipollas|egoista)\b",
        r"\b(?:ni siquiera|no) te (?:escrib[ií]|llam[eé]|avis[eé]|contest[eé]|dije)\b",
        r"\bllegu[eé]\b[^.!?]{0,30}?\btarde\b",
    ],
    "repair": [
        r"\bqu[eé] puedo hacer\b",
        r"\bhay algo que pueda hacer\b",
        r"\b(?:quiero|d[eé]jame|voy a|puedo) (?:arreglarlo|compensarte|repararlo|ganarme)\b",
        r"\bte (?:compenso|lo compenso)\b",
        r"\bcompens[aá]rtelo\b",
        r"\bpara compensarte\b",
        r"\bsi (?:quieres|quer[eé]s|te sirve|te ayuda|prefieres)\b,? (?:la |lo |le |les |te )?\w+",
        r"\bme gustar[ií]a que (?:lo )?(?:habl[aá]ramos|hici[eé]ramos|nos sent[aá]ramos|"
        r"fu[eé]ramos|busc[aá]ramos)\b",
        r"\b(?:lo|la|le|les) (?:llamo|voy a llamar|llamar[eé])\b",
        r"\b(?:les|le|te) voy a (?:decir|explicar|pedir perd[oó]n|escribir|devolver|pagar)\b",
        r"\bvoy a (?:llamarl[oae]s?|hablar con|escribirle|pedirle perd[oó]n|devolver|pagar|"
        r"reponer|arreglar)\b",
        r"\bya (?:he |lo |la |le |les |te )?(?:bloque[eé]|borr[eé]|cancel[eé]|devolv[ií]|"
        r"pagu[eé]|reserv[eé]|habl[eé] con|ped[ií] cita|elimin[eé]|dej[eé] de seguir|"
        r"bloqueado|borrado|cancelado|devuelto|pagado|reservado|hablado con)\b",
        r"\b(?:lo|la|te lo|te la) devuelvo\b",
        r"\bte (?:preparo|invito|llevo|compro|cocino)\b",
        r"\b(?:me encargo yo|yo me encargo)\b",
        r"\bc[oó]mo (?:puedo|podr[ií]a) (?:arreglarlo|compensarte|arreglar|recuperar)\b",
        r"\b(?:dime|decime) qu[eé] (?:necesitas|necesit[aá]s|puedo hacer)\b",
        r"\b(?:te lo|lo) (?:repongo|pago|arreglo)\b",
        r"\byo (?:lo )?pago\b",
        r"\bte (?:cuento|contar[eé]|voy a contar|explico) (?:todo|lo que quieras)\b",
    ],
    "regret": [
        r"\blo siento\b",
        r"(?<!me )(?<!te )\bsiento\b",
        r"\bperd[oó]n\b",
        r"\bperdon[aá]\b",
        r"\bdisculpa(?:s|me)?\b",
        r"\bme disculpo\b",
        r"\bme arrepiento\b",
        r"\blament[oa]\b",
        r"\bme da (?:mucha |tanta )?verg[uü]enza\b",
        r"\bme averg[uü]enzo\b",
        r"\bme siento (?:fatal|mal|horrible|culpable|fatal|avergonzad[oa])\b",
        r"\bme sabe (?:muy )?mal\b",
        r"\bme hubiera gustado\b",
        r"\bojal[aá] (?:no )?(?:hubiera|te hubiera|lo hubiera|pudiera)\b",
    ],
    "explanation": [
        r"\bporque (?:yo |me |estaba|ten[ií]a|no |pens[eé]|cre[ií]|quer[ií]a)",
        r"\bes que (?:yo|estaba|ten[ií]a)\b",
        r"\b(?:estaba|estuve|me sent[ií]a|andaba|llevaba \w+) (?:muy |tan |demasiado |"
        r"bastante )?" + _STATES + r"\b",
        r"\bno (?:sab[ií]a|supe) c[oó]mo\b",
        r"\bme daba (?:mucha )?verg[uü]enza\b",
        r"\bten[ií]a (?:mucho )?miedo\b",
        r"\bme dije (?:que|a m[ií] mism[oa])\b",
        r"\bme agobi[eé]\b",
        r"\bdorm[ií] (?:fatal|mal|poco)\b",
        r"\bla raz[oó]n (?:es|fue|por la que)\b",
        r"\bel tr[aá]fico (?:estaba|era|fue)\b",
        r"\blo que pas[oó] (?:fue|es) que\b",
        r"\bten[ií]a celos\b",
        r"\bme (?:dio|entr[oó]) (?:miedo|p[aá]nico|el p[aá]nico)\b",
        r"\bentr[eé] en p[aá]nico\b",
        r"\bpara que no te (?:preocuparas|enteraras|enfadaras|enojaras|sintieras)\b",
        r"\bpara (?:protegerte|no preocuparte|no hacerte da[nñ]o)\b",
    ],
    "repentance": [
        r"\bno (?:va|vuelve|vuelva|volver[aá]) a (?:volver a )?(?:pasar|ocurrir|repetirse)\b",
        r"\bno se (?:repite|repetir[aá]|vuelve a repetir)\b",
        r"\bnunca m[aá]s\b",
        r"\bno (?:voy a volver a|vuelvo a|volver[eé] a)\b",
        r"\bpara no volver a\b",
        r"\b(?:a partir de|desde) (?:ahora|hoy|ma[nñ]ana|este momento)\b",
        r"\bde (?:ahora|aqu[ií]|hoy) en (?:adelante|m[aá]s)\b",
        r"\bme voy a esforzar\b",
        r"\bvoy a (?:estar m[aá]s|mejorar)\b",
        r"\bcambiar[eé]\b",
        r"\bla pr[oó]xima vez\b(?!,? t[uú]\b)",
        r"\ben (?:el )?futuro\b",
        r"\bestoy (?:trabajando en|aprendiendo a|intentando cambiar)\b",
        r"\bvoy a (?:cambiar|intentar (?:hacerlo mejor|ser|cambiar)|pedir ayuda|buscar ayuda|"
        r"esforzarme|trabajar en|ser m[aá]s|hacerlo mejor)\b",
    ],
    "forgiveness": [
        r"\bperd[oó]n[aá]me\b",
        r"\bperdonarme\b",
        r"\bme (?:perdonas|perdon[aá]s|perdonar[aá]s|puedes perdonar|podr[aá]s perdonar)\b",
        r"\btu perd[oó]n\b",
        r"\b(?:espero|ojal[aá]|te pido) que (?:alg[uú]n d[ií]a )?me (?:perdones|puedas perdonar)\b",
    ],
}

# Participles of things done to a partner or their trust, after a subject
# that is not a person ("el dinero fue gastado").
_DONE = (
    r"(?:gastad|rot|perdid|borrad|olvidad|compartid|revelad|enviad|le[ií]d|"
    r"mostrad|dich|hech|cometid|rayad|golpead|manchad|estropead|abollad|"
    r"quemad|arruinad|cancelad)[oa]s?"
)

FLAGS = {
    "conditional": [
        r"\b(?:perd[oó]n|perdona|siento|disculpa|disculpas|lamento|me disculpo)\b"
        r"[^.!?]{0,12}?\bsi\b",
        r"\bsi (?:en algo|de alguna (?:manera|forma)|te (?:hice|he hecho) (?:da[nñ]o|algo)|"
        r"te (?:ofend[ií]|molest[eé]|lastim[eé]|doli[oó]|falt[eé]|fall[eé]|sentiste|sientes|"
        r"molest[oó]|hice sentir|ha molestado|ha sentado mal|sent[oó] mal|hizo sentir)|hice algo|he hecho algo|dije algo|algo de lo que)",
        r"\bpor (?:lo que sea|lo que fuera|cualquier cosa) que (?:hice|haya hecho|dije|haya dicho)\b",
        r"\ben la medida en que\b",
    ],
    "sorry_you_feel": [
        r"\b(?:siento|lamento|me sabe mal|me duele|perd[oó]n|disculpa)\b(?: mucho)? (?:de )?que "
        r"(?:te (?:sientas|sintieras|hayas sentido|lo hayas tomado|lo tomes|lo tomaras|"
        r"hayas tenido que|hayas enterado|enteraras|haya (?:sentado|ofendido|dolido|afectado|molestado)|"
        r"hayan (?:sentado|ofendido|dolido|afectado|molestado))|est[eé]s|estuvieras|"
        r"lo veas|pienses|lo sientas)",
        r"\b(?:perd[oó]n|perdona|siento|disculpa) si te (?:sentiste|sientes|sent[ií]as|pareci[oó])\b",
        r"\b(?:siento|lamento) (?:c[oó]mo|la forma en que) te (?:sientes|sentiste|lo tomaste)\b",
    ],
    "sorry_but": [
        r"\b(?:siento|perd[oó]n|perdona|disculpa|disculpas|disculpo|lamento|me arrepiento)\b"
        r"[^.!?]{0,80}?\bpero\b",
    ],
    "blame": [
        r"\b(?:t[uú]|vos) (?:tambi[eé]n|tampoco)\b",
        r"\bsi (?:t[uú] )?(?:me )?(?:hubieras|hubieses) (?:dicho|avisado|escuchado|contado|contestado)",
        r"\bno me dejaste (?:otra )?(?:opci[oó]n|salida|alternativa)\b",
        r"\b(?:ya )?sabes c[oó]mo (?:me pongo|soy)\b",
        r"\bhiciste lo mismo\b",
        r"\bmira qui[eé]n habla\b",
        r"\by t[uú] qu[eé]\b",
        r"\bpor qu[eé] te pones (?:as[ií]|tan)\b",
        r"\b(?:no|tampoco) te pongas as[ií]\b",
        r"\btampoco es que (?:t[uú]|vos)\b",
        r"\b(?:no eres|no sos) (?:ningun[oa] )?(?:sant[oa]|perfect[oa]|inocente)\b",
        r"\bsi (?:t[uú] )?(?:me )?(?:tuvieras|fueras|estuvieras|confiaras|escucharas|hicieras caso)\b",
        r"\bqu[eé] esperabas\b",
        r"\b(?:t[uú]|vos) primero\b",
        r"\b(?:empezaste|dijiste|hiciste|gritaste|insultaste) (?:t[uú]|vos)\b",
        r"\b(?:t[uú]|vos) (?:ya )?sab[ií]as (?:que|c[oó]mo)\b",
        r"\bpor (?:los dos|ambos) lados\b",
        r"\bpor (?:las dos|ambas) partes\b",
        r"\bdespu[eé]s de lo que (?:t[uú] )?me hiciste\b",
        r"\b(?:t[uú]|vos) (?:tienes|ten[eé]s) (?:la |parte de (?:la )?)?culpa\b",
        r"\b(?:me|nos) (?:obligaste|forzaste|provocaste|empujaste|pusiste)\b",
        r"\bsi (?:t[uú] )?no (?:me )?(?:hubieras|hubieses)\b",
        r"\b(?:la )?culpa (?:es|fue) (?:tuya|de los dos|de ambos|compartida)\b",
        r"\b(?:tu culpa|culpa tuya)\b",
        r"\b(?:t[uú]|vos) (?:empezaste|comenzaste|provocaste|siempre|nunca)\b",
        r"\bfuiste t[uú] (?:el|la) que\b",
        r"\bfuiste t[uú] quien\b",
        r"\bme sacas de (?:quicio|mis casillas)\b",
        r"\b(?:deber[ií]as|tendr[ií]as que|ten[ií]as que|podr[ií]as) haber",
        r"\bestamos (?:a mano|en paz|empatados)\b",
        r"\bde los dos\b",
        r"\bno (?:solo|s[oó]lo) m[ií]a\b",
        r"\bninguno de los dos\b",
        r"\bexageras\b",
        r"\best[aá]s exagerando\b",
        r"\bte lo tomas (?:todo )?(?:a mal|muy a pecho)\b",
        r"\bes que t[uú]\b",
    ],
    "minimising": [
        r"\b(?:solo|s[oó]lo|nom[aá]s) (?:fue|fueron|era|eran|es)\b",
        r"(?<!no )\b(?:fue|era|es) (?:solo|s[oó]lo)\b(?! (?:culpa|mi culpa|m[ií]a|yo)\b)",
        r"\bno es para tanto\b",
        r"\b(?:no|tampoco) (?:fue|es|era) (?:para tanto|nada|gran cosa|tan grave|tan terrible)\b",
        r"\bno (?:fue|era|lo hice) con mala (?:intenci[oó]n|fe)\b",
        r"\bno (?:era|fue) mi intenci[oó]n\b",
        r"\bsin mala intenci[oó]n\b",
        r"\bcon (?:la mejor|buena|buenas|la mejor de las) intenci(?:[oó]n|ones)\b",
        r"\bno lo hice a (?:prop[oó]sito|posta|adrede)\b",
        r"\bno (?:fue|era) a prop[oó]sito\b",
        r"\bsin querer\b",
        r"\b(?:solo|s[oó]lo) quer[ií]a (?:ayudar|proteger|sorprender|hacer)\w*",
        r"\b(?:era|fue) (?:una|un|solo una|s[oó]lo una|solo un|s[oó]lo un) (?:broma|chiste)\b",
        r"\bde broma\b",
        r"\bno (?:pens[eé]|cre[ií]) que te (?:fuera|fueras|iba|ibas|molestara|importara)\w*",
        r"\b(?:solo|s[oó]lo) (?:mir[eé]|le[ií]|un|una|unos|unas|dos|tres|cinco|diez|veinte|"
        r"un par|un rato|un ratito|un segundo|un momento|respond[ií]|reaccion[eé]|"
        r"le escrib[ií]|tom[eé]|le di|di|dije|hice|habl[eé]|salud[eé])\b",
        r"\bsin importancia\b",
        r"\bnada del otro mundo\b",
        r"\buna tonter[ií]a\b",
        r"\bno lo (?:dije|hice) (?:en serio|con esa intenci[oó]n)\b",
        r"\blo hice por tu bien\b",
        r"\bno quer[ií]a (?:hacerte da[nñ]o|lastimarte|herirte|molestarte)\b",
        r"\bexageras\b",
        r"\best[aá]s exagerando\b",
        r"\bno (?:fue|pas[oó]) nada\b",
        r"\bno signific(?:a|aba|[oó]) nada\b",
        r"\bun (?:momento|rato|segundo|minuto|beso|caf[eé]) nada m[aá]s\b",
        r"\bapenas (?:fue|fueron|un|una|unos|unas|dos|tres|cinco|diez)\b",
        r"\blo hice (?:por ti|pensando en (?:ti|nosotros|los dos))\b",
        r"\b(?:solo|s[oó]lo) (?:estaba|era) (?:jugando|bromeando|de broma|hablando)\b",
        r"(?<!quiero )(?<!pido )\bnada m[aá]s\s*[.!?]*$",
        r"\bsin m[aá]s\s*[.!?]*$",
        r"\bno es el fin del mundo\b",
    ],
    "passive": [
        r"\bse (?:me |te |nos |le |les )?(?:olvid[oó]|olvidaron|cay[oó]|cayeron|rompi[oó]|"
        r"rompieron|perdi[oó]|perdieron|escap[oó]|escaparon|gast[oó]|gastaron|borr[oó]|"
        r"borraron|cometi[oó]|cometieron|raj[oó]|manch[oó]|quem[oó]|estrope[oó]|"
        r"pas[oó]|pasaron|fue de las manos|fueron de las manos|sali[oó] de|salieron de|"
        r"fue la mano|fue la olla|fue la pinza|hizo tarde|dijeron|complic[oó]|complicaron|"
        r"torci[oó]|descontrol[oó]|ha roto|han roto|ha perdido|ha olvidado|ha gastado|ha escapado)\b",
        r"\bpas[oó] lo que pas[oó]\b",
        r"\blas cosas (?:pasaron|se dieron|salieron) as[ií]\b",
        r"\bas[ií] (?:pasaron|se dieron|salieron) las cosas\b",
        r"\bhubo (?:un )?(?:malentendido|confusi[oó]n|errores|un error|un problema)\b",
        r"\b(?:simplemente|solamente) (?:pas[oó]|sucedi[oó])\b",
        r"\b(?:el dinero|los mensajes|las fotos|la promesa|errores|tu \w+|el \w+|la \w+|"
        r"los \w+|las \w+) (?:fue|fueron|ha sido|han sido|qued[oó]|quedaron) "
        + _DONE
        + r"\b(?![^.!?]{0,30}\bpor m[ií]\b)",
    ],
    "pressure": [
        r"\bpas(?:ar|emos|amos) p[aá]gina\b",
        r"\bya estamos bien\b",
        r"\bestamos bien\s*\?",
        r"\bestamos bien,? (?:no|verdad|s[ií])\b",
        r"\bya te (?:ped[ií]|he pedido) (?:perd[oó]n|disculpas)\b",
        r"\bya (?:te )?(?:dije|he dicho) que lo siento\b",
        r"\bya me disculp[eé]\b",
        r"\bqu[eé] m[aá]s quieres\b",
        r"\bolvid(?:[eé]moslo|emos esto|emos eso|alo|[aá]lo)\b",
        r"\bsig(?:amos|uemos) adelante\b",
        r"\bseguir adelante\b",
        r"\bdej(?:emos|arlo|ar esto|emoslo|[eé]moslo|emos esto)\b[^.!?]{0,20}?\batr[aá]s\b",
        r"\blo dejemos atr[aá]s\b",
        r"\bno le (?:demos|des) m[aá]s vueltas\b",
        r"\bno (?:hablemos|volvamos a hablar) m[aá]s\b",
        r"\bborr[oó]n y cuenta nueva\b",
        r"\bya pas[oó]\b",
        r"\bcu[aá]nto tiempo (?:m[aá]s )?vas a\b",
        r"\b(?:tienes|ten[eé]s|debes|deber[ií]as) (?:que )?perdonarme\b",
        r"\bnecesito que me perdones\b",
        r"\bhagamos las paces\b",
        r"\bpodemos (?:pasar|dejar|olvidar|seguir|volver a la normalidad)\b",
        r"\bvolver a (?:la )?normal(?:idad)?\b",
        r"\bcomo si nada\b",
        r"\bnecesito que (?:esto|lo nuestro|todo) (?:se arregle|est[eé] bien|vuelva)\b",
        r"\bsup[eé]ralo\b",
        r"\bd[eé]jalo ya\b",
        r"\bya (?:basta|est[aá] bien)\b",
        r"\bdeja de estar (?:enfadad|enojad|molest|brav)[oa]\b",
        r"\bno (?:lo )?saques m[aá]s\b",
        r"\b(?:cambiemos de tema|hablemos de otra cosa)\b",
        r"\bd[eé]j[eé]moslo (?:ah[ií]|as[ií]|aqu[ií])\b",
        r"\bdejarlo (?:aqu[ií]|ah[ií]|as[ií])\b",
        r"\bme perdonas ya\b",
        r"\bya me perdonaste\b",
        r"\bno te (?:enojes|enfades|pongas brav[oa])\b",
        r"\b(?:perd[oó]n|lo siento|disculpas) (?:mil|muchas|tantas|cien|un mont[oó]n de) veces\b",
        r"\bperd[oó]n[aá]me ya\b",
        r"\bno aguanto m[aá]s\b",
        r"\bno seas rencoros[oa]\b",
        r"\bya lo hablamos\b",
        r"\bno hace falta (?:volver a )?(?:sacarlo|hablarlo|hablar m[aá]s)\b",
        r"\btenemos que (?:pasar|superar|olvidar|dejar)\b",
        r"\bpasar de esto\b",
        r"\bno quiero seguir hablando\b",
    ],
}

# A flag (or a component) is dropped when its sentence also matches one of
# these.
EXCEPT = {
    # "Rompí el vaso y se hizo añicos" names the actor first.
    "passive": [
        r"^\W*(?:yo )?(?:te |le |lo |la )?(?:romp[ií]|tir[eé]|dej[eé]|olvid[eé]|perd[ií]|"
        r"gast[eé]|borr[eé]|tom[eé]|us[eé]|abr[ií]|quem[eé]|manch[eé])\b[^.!?]{0,60}\by\b",
    ],
    # "Entendería que no puedas perdonarme" asks for nothing.
    "forgiveness": [
        r"\bsi no (?:puedes|me puedes|quieres|pod[eé]s) perdonar",
        r"\bno te pido que me perdones\b",
    ],
    # "Lo siento; estaba cansado, pero no es excusa" owns it.
    "sorry_but": [
        r"\bpero (?:eso )?no (?:es|te sirve de|justifica) (?:ninguna |una )?excusa\b",
        r"\bpero eso no (?:lo )?justifica\b",
    ],
    # Owning it: "no es culpa tuya".
    "blame": [
        r"\b(?:no|nada de (?:esto|eso)) (?:es|fue|era|tiene) (?:tu culpa|culpa tuya)\b",
        r"\bt[uú] no (?:te lo )?merec[ií]as\b",
    ],
    # "No fue solo un error" makes it bigger, not smaller.
    "minimising": [
        r"\bno (?:fue|es|era) (?:solo|s[oó]lo)\b",
    ],
    # Giving them time is the opposite of pressing them.
    "pressure": [
        r"\bcuando (?:t[uú] )?(?:est[eé]s list[oa]|quieras|puedas|te sientas)\b",
        r"\bt[oó]mate (?:todo )?el tiempo\b",
        r"\bno (?:te )?(?:voy a )?(?:presionar|meter prisa|apurar)\b",
        r"\bsin prisa\b",
        r"\ba tu ritmo\b",
        r"\bcon el tiempo\b",
    ],
}
