"""HELD-OUT Spanish apologies for the checker: measure on these, NEVER tune on them.

Written by helper AP2 on 2026-12-06, BLIND: its author did not open the Spanish
or English patterns, the Spanish development set, or the English sets beyond
their docstrings. The labels come from `docs/apology-checker.md` (the six
components, the seven flags and the table "What each kind means") and the
labelling rules in the docstring of `apology_heldout.py`, applied by one
careful reading, written down before anything was measured. The checker was
not run on them while they were written.

Rules for anyone changing the checker:
- Do not add, remove or relabel a case here to make a number go up.
- Do not read the failures here and then write a pattern for them. If you
  did look, say so in `docs/apology-checker.md` and write a fresh held-out
  set; new development examples go in `apology_set_es.py`.

How the labels were decided (those of `apology_heldout.py`, in short):
- responsibility: the writer names their own act with a first-person verb
  ("te mentí", "leí tus mensajes", "debí decírtelo", "la culpa es mía",
  "estuvo mal", "me equivoqué"). "Siento haberte gritado" / "perdón por
  llegar tarde" (sorry + infinitive) is regret alone, like "sorry for
  snapping".
- repair: something offered or done now to put this harm right.
- regret: "lo siento", "perdón", "perdona", "disculpa", "te pido perdón",
  "lamento", "me arrepiento" (which is regret, not repentance).
- explanation: a reason for why it happened (an excuse is still one).
- repentance: what the writer will do differently from now on.
- forgiveness: asks to be forgiven ("perdóname", "¿me perdonas?",
  "¿podrás perdonarme?"); on its own that is not also counted as regret.
  "Entendería que no pudieras perdonarme" asks nothing.
- conditional / sorry_you_feel: that sorry is not regret, and what it is
  sorry for is not responsibility; an act admitted in a clause of its own
  still is.
- sorry_but: "lo siento / perdón … pero" in one sentence; a "Pero" that
  starts the next sentence is not it.
- blame: the fault turned back on the hurt partner (who began it, "tú
  también", "estamos en paz", "deberías haberme…", "los dos", "exageras",
  "no te lo tomes así"); a third party blamed is an explanation, not blame.
- minimising: by good intent ("era broma", "no era mi intención", "lo hice
  por ti") or by size ("solo", "uno solo", "no es para tanto").
- passive: an outcome with no actor, including the accidental "se" ("se me
  olvidó", "se me pasó", "se me escapó", "se fue de las manos").
- pressure: pushing to be forgiven or to move on now ("¿estamos bien?",
  "pasemos página", "ya te pedí perdón", "tienes que perdonarme").

Voices: short chat messages without accents or capitals, long careful ones,
Spain (vale, tía, curro, móvil) and Latin America (plata, celular, voseo).
"""

R = "responsibility"
P = "repair"
G = "regret"
E = "explanation"
N = "repentance"
F = "forgiveness"

COND = "conditional"
FEEL = "sorry_you_feel"
BUT = "sorry_but"
BLAME = "blame"
MIN = "minimising"
PASS = "passive"
PRESS = "pressure"

NONE: frozenset[str] = frozenset()

HELD_OUT_ES: list[tuple[str, frozenset[str], frozenset[str]]] = [
    # Money.
    (
        "Te cogí 600 euros de la cuenta común sin decírtelo para tapar lo de la "
        "tarjeta, y luego te mentí cuando me preguntaste. Lo siento muchísimo. Lo "
        "hice porque me daba vergüenza reconocer que había vuelto a gastar de más. "
        "Ya he hecho una transferencia con lo que tenía ahorrado y el resto te lo "
        "devuelvo el día 1. A partir de ahora te enseño los extractos cada mes, sin "
        "que me los pidas. Si algún día puedes, perdóname.",
        frozenset({R, P, G, E, N, F}),
        NONE,
    ),
    (
        "perdon por lo de la plata, solo fueron 50 lucas y te las devuelvo el viernes",
        frozenset({G, P}),
        frozenset({MIN}),
    ),
    (
        "Sé que estás enfadado por lo del dinero del viaje. Se hicieron gastos que "
        "no estaban previstos y al final la cuenta se quedó a cero. Lamento mucho "
        "que te hayas enterado por el banco.",
        NONE,
        frozenset({PASS, FEEL}),
    ),
    (
        "Ya, me gasté lo de las vacaciones en la moto. Tú te compraste el sofá sin "
        "preguntarme, así que estamos en paz.",
        frozenset({R}),
        frozenset({BLAME}),
    ),
    (
        "Durante dos años te escondí que seguía mandándole plata a mi papá de "
        "nuestra cuenta. No fue un descuido: lo decidí yo cada mes y te mentí cada "
        "vez que preguntaste por qué no alcanzaba. Lo hice porque me daba vergüenza "
        "admitir que no sé decirle que no. Lo siento profundamente. Ya hablé con él "
        "y a partir de este mes le ayudo solo de mi sueldo. No hace falta que me "
        "contestes ahora; tómate el tiempo que necesites.",
        frozenset({R, P, G, E, N}),
        NONE,
    ),
    (
        "la regue con lo del dinero de la renta, me lo gaste en la apuesta del "
        "partido y no te dije nada. perdoname. ya le pedi prestado a mi primo y hoy "
        "mismo pagamos. no vuelvo a apostar, te lo juro",
        frozenset({R, P, N, F}),
        NONE,
    ),
    (
        "Usé tu tarjeta para pagar el hotel de la despedida porque la mía estaba "
        "bloqueada, era solo un momento, te lo iba a devolver.",
        frozenset({R, E}),
        frozenset({MIN}),
    ),
    (
        "El dinero para el máster de tu hermana al final no se apartó, los meses se "
        "complicaron. Lo siento.",
        frozenset({G, E}),
        frozenset({PASS}),
    ),
    (
        "te saque 2 lucas de la billetera sin avisarte, estuvo mal. perdoname, "
        "ahora cuando llego te las dejo en la mesa",
        frozenset({R, P, F}),
        NONE,
    ),
    (
        "Reconozco que en la gestión de nuestros ahorros se han cometido errores, y "
        "lamento las consecuencias que eso haya podido tener para ti.",
        NONE,
        frozenset({PASS, COND}),
    ),
    (
        "Cariño, lo de la multa fue culpa mía, aparqué donde no debía y encima te "
        "lo escondí. Lo siento. La pago yo de mi cuenta esta semana y te enseño el "
        "justificante.",
        frozenset({R, G, P}),
        NONE,
    ),
    # A secret.
    (
        "Sí, te oculté que seguía hablando con mi ex y estuvo mal, lo siento, pero "
        "tú también me escondiste lo de tu compañero de trabajo, así que no me "
        "vengas con que soy el único.",
        frozenset({R, G}),
        frozenset({BUT, BLAME}),
    ),
    (
        "No te dije lo del préstamo a mi hermano porque no quería preocuparte, lo "
        "hice con la mejor intención.",
        frozenset({R, E}),
        frozenset({MIN}),
    ),
    (
        "tenias razon, te lo oculte y estuvo fatal. lo siento. no vuelve a pasar",
        frozenset({R, G, N}),
        NONE,
    ),
    (
        "Lo siento, te tenía que haber contado lo de la entrevista en Madrid. "
        "Venga, olvidémoslo y vamos a cenar, que no quiero pasar la noche "
        "discutiendo.",
        frozenset({R, G}),
        frozenset({PRESS}),
    ),
    (
        "No te mentí, simplemente no me preguntaste. Si me hubieras preguntado por "
        "mi ex te lo habría contado.",
        NONE,
        frozenset({BLAME}),
    ),
    (
        "Lo del chat con mi compañera se fue de las manos, empezó como algo "
        "inocente. Perdona.",
        frozenset({G}),
        frozenset({PASS, MIN}),
    ),
    (
        "Te oculté que me habían despedido y durante un mes fingí que iba a "
        "trabajar. Lo hice porque tenía pánico a decepcionarte. Lo siento "
        "muchísimo. Te lo he contado todo, ahora podemos pasar página, ¿no?",
        frozenset({R, E, G}),
        frozenset({PRESS}),
    ),
    # A late night.
    (
        "perdona tia, se me fue la hora y se me murio el movil, tampoco llegue tan "
        "tarde, las 3 como mucho",
        frozenset({G, E}),
        frozenset({MIN, PASS}),
    ),
    (
        "Vale, llegué a las cinco sin avisar y tendría que haberte escrito. Pero "
        "los dos sabemos que últimamente ninguno de los dos cuida al otro, así que "
        "no es solo culpa mía.",
        frozenset({R}),
        frozenset({BLAME}),
    ),
    (
        "amor perdon por no avisarte anoche, me quede en lo de Fede y me colgue. "
        "tendria que haberte mandado un mensaje, se que te quedaste preocupada. no "
        "pasa mas",
        frozenset({G, R, E, N}),
        NONE,
    ),
    (
        "Siento que te preocuparas anoche, de verdad que no era mi intención.",
        NONE,
        frozenset({FEEL, MIN}),
    ),
    (
        "Lo siento por llegar tarde, pero tú nunca quieres salir conmigo y alguna "
        "vez me tengo que divertir.",
        frozenset({G, E}),
        frozenset({BUT, BLAME}),
    ),
    (
        "Anoche me fui de la fiesta sin avisarte y te dejé sola para volver a casa. "
        "Fue egoísta y peligroso, y lo sé. Lo siento mucho. Desde ahora, si salimos "
        "juntos, volvemos juntos o te pido el taxi yo.",
        frozenset({R, G, N}),
        NONE,
    ),
    (
        "perdon por lo de anoche. me fui con los del trabajo, te deje plantada y ni "
        "te conteste el cel. la regue. ya no va a pasar, te lo prometo",
        frozenset({G, R, N}),
        NONE,
    ),
    # Jealousy.
    (
        "Anoche te hice una escena delante de tus amigos por un mensaje de Andrés "
        "que ni siquiera leí bien. Me equivoqué y te humillé, y eso no se justifica "
        "con nada. Creo que me pasó porque todavía cargo con lo que me hizo mi ex, "
        "pero eso es cosa mía y no tuya. Ya pedí turno con la psicóloga para "
        "trabajar los celos. Lo siento de verdad.",
        frozenset({R, E, N, G}),
        NONE,
    ),
    (
        "Lo siento por ponerme celoso con lo de tu viaje de trabajo, de verdad. "
        "¿Estamos bien ya? No quiero irme a dormir así.",
        frozenset({G}),
        frozenset({PRESS}),
    ),
    (
        "me pase tres pueblos con lo de tu compi de trabajo. fueron celos, sin mas, "
        "y tu no habias hecho nada. lo siento de verdad",
        frozenset({R, E, G}),
        NONE,
    ),
    (
        "Perdón por revisar con quién hablabas, pero exageras un montón.",
        frozenset({G}),
        frozenset({BUT, BLAME}),
    ),
    (
        "Te monté un pollo por nada en la cena con tus compañeros. La culpa es mía "
        "y solo mía. Lo siento, perdóname.",
        frozenset({R, G, F}),
        NONE,
    ),
    (
        "Lamento mucho que te sientas vigilada. Entiendo que para ti lo de "
        "compartir la ubicación es importante, y puedo quitarla si así estás más "
        "tranquila.",
        frozenset({P}),
        frozenset({FEEL}),
    ),
    (
        "Lo siento por lo de anoche, me equivoqué al ponerme así con tu amigo. Pero "
        "ahora tienes que volver a confiar en mí, no podemos seguir con este mal "
        "rollo.",
        frozenset({G, R}),
        frozenset({PRESS}),
    ),
    # A forgotten date.
    (
        "ya se que se me paso lo del aniversario pero tampoco es para tanto no? ya "
        "te pedi perdon ayer, podemos dejarlo ya",
        NONE,
        frozenset({PASS, MIN, PRESS}),
    ),
    (
        "Olvidé tu cumpleaños. No hay excusa: lo tenía en el calendario y no le "
        "hice caso. Lo siento muchísimo, mi amor. Ya reservé en el restaurante que "
        "querías para este sábado y le pedí a tu hermana que me ayude a organizar "
        "algo con tus amigas. Desde hoy tus fechas las tengo yo, no el celular.",
        frozenset({R, G, P, N}),
        NONE,
    ),
    (
        "perdon si te molesto lo de ayer, no me acorde de la fecha, tampoco es que "
        "sea tan importante un mesiversario",
        frozenset({R}),
        frozenset({COND, MIN}),
    ),
    (
        "Me olvidé de recogerte en el aeropuerto porque me puse a jugar a la "
        "consola y perdí la noción del tiempo. Estuviste una hora esperando sola "
        "con las maletas y lo siento muchísimo. El taxi te lo pago yo, y desde "
        "ahora pongo una alarma para todo lo que tenga que ver contigo.",
        frozenset({R, E, G, P, N}),
        NONE,
    ),
    (
        "Ya te pedí perdón por lo de tu graduación. No sé qué más quieres que haga.",
        NONE,
        frozenset({PRESS}),
    ),
    (
        "Siento que te tuvieras que enterar por Facebook de que no iba a ir a tu "
        "cena de cumpleaños.",
        NONE,
        frozenset({FEEL}),
    ),
    # Phone snooping.
    (
        "Te miré el móvil mientras estabas en la ducha. Leí tus conversaciones con "
        "tu hermana y no tenía ningún derecho. Lo hice porque llevaba semanas "
        "inseguro y en vez de hablarlo contigo busqué pruebas a escondidas. Te pido "
        "perdón. No voy a volver a tocar tu móvil, y si me vuelvo a sentir así, te "
        "lo diré a la cara.",
        frozenset({R, E, G, N}),
        NONE,
    ),
    (
        "Siento que te haya sentado tan mal que mirara tu móvil, no pensé que fuera "
        "para tanto.",
        NONE,
        frozenset({FEEL, MIN}),
    ),
    (
        "Sí, te revisé el celular, ¿y qué? Si no tuvieras nada que esconder no te "
        "molestaría. Deberías haberme contado tú lo de esos mensajes.",
        frozenset({R}),
        frozenset({BLAME}),
    ),
    (
        "El otro día se me abrió tu WhatsApp en mi tablet y vi cosas que no tenía "
        "que ver. Perdona.",
        frozenset({R, G}),
        frozenset({PASS}),
    ),
    (
        "lei tus mensajes con laura. estuvo muy mal y no tengo excusa. lo siento. "
        "ya desinstale la app esa de localizacion que te puse sin decirte",
        frozenset({R, G, P}),
        NONE,
    ),
    (
        "Sí, miré tu correo, pero solo quería asegurarme de que estabas bien, lo "
        "hice por ti.",
        frozenset({R, E}),
        frozenset({MIN}),
    ),
    # An insult in a fight.
    (
        "Si algo de lo que dije en la discusión te ofendió, lo siento.",
        NONE,
        frozenset({COND}),
    ),
    (
        "te llame egoista delante de tu madre y fue una bajeza. lo siento mucho, no "
        "te lo merecias",
        frozenset({R, G}),
        NONE,
    ),
    (
        "Perdón por lo que te dije, pero es que me sacaste de quicio y tú tampoco "
        "te quedaste callada.",
        frozenset({G, E}),
        frozenset({BUT, BLAME}),
    ),
    (
        "Perdón por lo de 'gorda', era broma, no te lo tomes así.",
        frozenset({G}),
        frozenset({MIN, BLAME}),
    ),
    (
        "En la discusión del domingo te dije que eras igual que tu padre, y lo dije "
        "sabiendo lo que eso te duele. No tengo excusa. Lo siento, de verdad. He "
        "empezado a irme a dar una vuelta cuando noto que me estoy calentando, y "
        "quiero que me lo recuerdes si ves que no lo hago. ¿Podrás perdonarme?",
        frozenset({R, G, N, F}),
        NONE,
    ),
    (
        "perdon por lo q dije, se me fue la boca. ya esta no? no me dejes en visto",
        frozenset({G}),
        frozenset({PASS, PRESS}),
    ),
    (
        "No sé muy bien qué hice para que estés así, pero perdón por lo que sea.",
        NONE,
        frozenset({COND}),
    ),
    (
        "Los dos dijimos cosas feas, no solo yo. Además, lo de 'inútil' lo dije sin "
        "pensar, no fue para tanto.",
        frozenset({R}),
        frozenset({BLAME, MIN}),
    ),
    (
        "si te hice sentir mal con lo de tu trabajo sorry, no era la idea",
        NONE,
        frozenset({COND, MIN}),
    ),
    (
        "me perdonas? fui un idiota con lo de tu hermana, tenias razon tu",
        frozenset({F, R}),
        NONE,
    ),
    (
        "Lo que te dije delante de los niños fue cruel y no tenía ningún derecho a "
        "decirlo. Lo siento con toda el alma. Entendería que no pudieras perdonarme "
        "todavía.",
        frozenset({R, G}),
        NONE,
    ),
    (
        "Siento mucho haberte gritado, pero llevaba tres noches sin dormir por el "
        "bebé.",
        frozenset({G, E}),
        frozenset({BUT}),
    ),
    # A broken promise.
    (
        "Te prometí que iba a dejar de apostar y volví a hacerlo. Te mentí cuando "
        "me preguntaste dónde había estado el sábado. Lo siento, perdoname. Sé que "
        "no alcanza con decirlo: hoy mismo te paso la clave del homebanking para "
        "que veas todo, y el lunes empiezo en Jugadores Anónimos.",
        frozenset({R, G, F, P, N}),
        NONE,
    ),
    (
        "Siento no haber ido a la cena con tus padres, pero es que tenía un cierre "
        "en el curro y no podía escaparme.",
        frozenset({G, E}),
        frozenset({BUT}),
    ),
    (
        "Te dije que este mes no iba a trabajar ningún fin de semana y he trabajado "
        "tres. No he cumplido mi palabra, y eso es responsabilidad mía, no del "
        "trabajo. Lo siento. He hablado hoy con mi jefa y le he dicho que los "
        "sábados no voy a estar disponible. A partir de ahora los sábados son "
        "nuestros.",
        frozenset({R, G, P, N}),
        NONE,
    ),
    (
        "Te prometí no fumar y me fumé uno en la boda, uno solo, no es como si "
        "hubiera vuelto a fumar.",
        frozenset({R}),
        frozenset({MIN}),
    ),
    (
        "Te he pedido perdón mil veces por lo de la despedida de soltero. Tienes "
        "que perdonarme ya, no podemos seguir así toda la vida.",
        NONE,
        frozenset({PRESS}),
    ),
    (
        "fue solo una vez y ya, se me cruzaron los cables. no lo vuelvo a hacer",
        frozenset({N}),
        frozenset({MIN, PASS}),
    ),
    (
        "bueno ya te pedi perdon, estamos bien o que?",
        NONE,
        frozenset({PRESS}),
    ),
    # Family.
    (
        "Lo de contarle a tu madre lo del embarazo... se me escapó en la comida, "
        "estaba nerviosa y salió el tema. Lo siento.",
        frozenset({E, G}),
        frozenset({PASS}),
    ),
    (
        "Le conté a mi madre lo de tu despido cuando me pediste que no lo hiciera. "
        "Fue una traición a tu confianza y lo sé. Lo siento. Esta tarde la llamo y "
        "le digo que fue cosa mía contarlo, que tú querías esperar, y le pido que "
        "no lo comente con nadie más. ¿Hay algo más que pueda hacer?",
        frozenset({R, G, P}),
        NONE,
    ),
    (
        "Siento haberle gritado a tu madre, pero fue ella la que empezó con lo de "
        "los nietos.",
        frozenset({G, E}),
        frozenset({BUT}),
    ),
    (
        "Te dejé sola en la cena con mi familia cuando mi tía empezó a criticarte, "
        "y no dije nada. Debí defenderte y no lo hice. Me quedé callado porque "
        "siempre he evitado los conflictos con ellos, pero eso no es excusa. Lo "
        "siento mucho. Ya hablé con mi tía y le dije que no voy a permitir que te "
        "hable así. La próxima vez que pase, me levanto contigo. ¿Me perdonas?",
        frozenset({R, E, G, P, N, F}),
        NONE,
    ),
    (
        "Le dije a mi hermano que podía quedarse en casa un mes sin consultártelo. "
        "Tomé una decisión que era de los dos como si fuera solo mía, y lo siento. "
        "Creo que lo hice porque me cuesta decirle que no a mi familia. Esta noche "
        "hablo con él y le digo que tiene hasta el domingo para buscar otra cosa, y "
        "a partir de ahora nada de invitados sin que lo hablemos antes.",
        frozenset({R, G, E, P, N}),
        NONE,
    ),
    (
        "En la medida en que mis comentarios sobre tu familia hayan podido resultar "
        "hirientes, te pido disculpas.",
        NONE,
        frozenset({COND}),
    ),
    (
        "Perdona por no ir al cumple de tu abuela, pero tú tampoco viniste a la "
        "comunión de mi sobrino y no te dije nada.",
        frozenset({G}),
        frozenset({BUT, BLAME}),
    ),
]
