"""Spanish apologies written for Troth, labelled by hand, for tuning the checker.

Each item is (text, components, flags): what a careful reader finds in the
text, using the six components of Lewicki, Polin & Lount (2016) and the
seven kinds of deflection the checker flags (docs/apology-checker.md defines
each). Apologies between partners, addressed with tú (and some with vos),
from Spain and Latin America, some typed as on a phone: without accents,
capitals or opening question marks.

Labelling rules, the English set's (apology_set.py), decided before the
patterns were written:
- `responsibility` needs a first-person admission ("te mentí", "fue culpa
  mía", "estuvo mal", "no debí"), not only the act named after "perdón
  por" or "siento haber".
- `repair` is an offer to put the harm right now ("lo llamo y se lo
  explico", "¿qué puedo hacer?"); a promise about future behaviour is
  `repentance`.
- `regret` is saying sorry: "lo siento", "perdón", "pedir perdón" or
  "disculpas", "me arrepiento", "lamento". `forgiveness` is asking to be
  forgiven: "perdóname", "¿me perdonas?", "ojalá puedas perdonarme". (Said
  alone, "perdóname" is a request, as "forgive me" is in English.)
- Words inside a sentence that is a conditional apology or "sorry you
  feel" do not count as components: that sentence apologises for nothing.
- `passive` includes the agentless "se": "se me olvidó", "se me cayó", "se
  rompió", "se cometieron errores" say what happened without saying who
  did it. When the sentence first names the writer as the one who did it
  ("rompí el vaso y se hizo añicos"), it is not passive.

This is the DEVELOPMENT set: the Spanish patterns are tuned on it. DEV_ES
was written and committed before any pattern; ROUND_2 after the first
patterns passed it, from other phrasings (Spain, Mexico, Argentina; vos)
tried on them, to widen the rules before they were frozen. The held-out Spanish set,
written by someone else without seeing the patterns and never tuned on, is
in apology_heldout_es.py; how each set was made and measured is in
docs/apology-checker.md.
"""

from __future__ import annotations

from troth.repair.tests.apology_set import (
    BLAME,
    BUT,
    COND,
    FEEL,
    MIN,
    PASS,
    PRESS,
    E,
    F,
    G,
    N,
    P,
    R,
    item,
)

DEV_ES = [
    # Good apologies: no deflection.
    item(
        "Leí tus mensajes mientras estabas en la ducha. No tenía derecho y "
        "estuvo mal. Lo siento mucho. Lo hice porque estaba ansioso después de "
        "la pelea, pero eso es cosa mía, no tuya. No voy a volver a revisar tu "
        "celular. Si te sirve, me gustaría que habláramos de lo que me "
        "preocupaba, para preguntarte en vez de espiarte.",
        {R, G, E, N, P},
    ),
    item(
        "Olvidé tu cena de cumpleaños y te dejé esperando en el restaurante. "
        "Es culpa mía y lo siento muchísimo. Estaba tan agobiada con el trabajo "
        "que dejé de mirar la agenda. Ya reservé la misma mesa para el sábado y "
        "voy a llegar temprano. No va a volver a pasar.",
        {R, G, E, P, N},
    ),
    item(
        "Le conté a mi hermano lo de nuestras deudas cuando me pediste que "
        "quedara entre nosotros. Traicioné tu confianza y entiendo que estés "
        "dolida. Perdón. Esta noche lo llamo y le digo que era algo privado y "
        "que no debí contárselo. De ahora en adelante, lo nuestro se queda "
        "entre nosotros.",
        {R, G, P, N},
    ),
    item(
        "me burle de ti delante de tus amigos y estuvo fatal. te averguence y "
        "me da verguenza. quiero arreglarlo: les voy a decir que me pase de la "
        "raya. no voy a volver a hacerte el blanco de mis bromas. me perdonas?",
        {R, G, P, N, F},
    ),
    item(
        "Te escondí el extracto de la tarjeta durante tres meses. Lo hice yo, "
        "nadie más, y lo siento de verdad. Me daba vergüenza lo que había "
        "gastado y me dije que lo arreglaría antes de que te dieras cuenta. Fue "
        "deshonesto. Aquí tienes el extracto completo, y me gustaría que "
        "hiciéramos juntos un plan para devolverlo. A partir de hoy no te "
        "escondo nada.",
        {R, G, E, P, N},
    ),
    item(
        "Perdón por contestarte mal esta mañana. No fue justo, y no tenía nada "
        "que ver contigo: dormí fatal y lo pagué contigo. ¿Te preparo el "
        "desayuno y empezamos de nuevo?",
        {R, G, E, P},
    ),
    item(
        "Me pediste que dejara de escribirle a mi ex y seguí haciéndolo a tus "
        "espaldas. Fue una traición y lo asumo por completo. Siento mucho el "
        "daño que te hice. Ya bloqueé su número y te lo enseño si quieres. No "
        "voy a volver a contactarla. Ojalá algún día puedas perdonarme, aunque "
        "entiendo que eso lleva tiempo.",
        {R, G, P, N, F},
    ),
    item(
        "Otra vez falté a nuestra llamada. Te lo prometí y te fallé. Te pido "
        "disculpas. Desde hoy pongo dos alarmas, y si aun así no llego, te "
        "llamo esa misma noche.",
        {R, G, N},
    ),
    item(
        "Anoche te dije cosas crueles. Elegí esas palabras y estuvieron mal. Me "
        "arrepiento de verdad. ¿Qué puedo hacer para que vuelvas a sentirte "
        "segura conmigo? Estoy trabajando en mantener la calma cuando "
        "discutimos, y ya pedí cita con una psicóloga.",
        {R, G, P, N},
    ),
    item(
        "Lo siento. Rompí mi promesa de llegar a las diez y ni siquiera te "
        "escribí. Entiendo que estuvieras preocupada. La próxima vez que vaya "
        "tarde te aviso antes, no después.",
        {G, R, N},
    ),
    item(
        "Mi amor, te pido perdón. Te mentí sobre dónde estaba el sábado y eso "
        "estuvo muy mal de mi parte. Te mentí porque tenía miedo de que te "
        "enojaras, y no es excusa. Te voy a contar todo lo que quieras saber. "
        "Nunca más te voy a mentir.",
        {G, R, E, P, N},
    ),
    item(
        "Perdóname. Gasté el dinero de las vacaciones sin decirte nada y fue "
        "egoísta. Mañana mismo lo devuelvo a la cuenta.",
        {F, R, P},
    ),
    item("Fue mi culpa. Lo siento.", {R, G}),
    item(
        "Me pasé con lo que te dije delante de tu madre. Estuvo fuera de lugar "
        "y te pido perdón. Si quieres, la llamo y le explico que el que se "
        "equivocó fui yo.",
        {R, G, P},
    ),
    item(
        "Tenías razón: te dejé sola con todo lo de la mudanza. Me equivoqué y "
        "lo siento. Estaba tan agobiado con el trabajo que no vi lo que te "
        "estaba costando. Este fin de semana me encargo yo de las cajas que "
        "quedan, y a partir de ahora nos repartimos las tareas por escrito.",
        {R, G, E, P, N},
    ),
    item(
        "Siento mucho haber leído tu diario. No debí hacerlo. Fue una invasión "
        "de tu intimidad y no tiene excusa. No voy a volver a tocar tus cosas.",
        {G, R, N},
    ),
    item(
        "Lamento muchísimo haberte gritado. Fue injusto. Estaba agotada, y eso "
        "no te tocaba pagarlo a ti.",
        {G, R, E},
    ),
    item(
        "Lo siento por no estar cuando me necesitabas. Estaba pasándolo mal con "
        "lo de mi padre y me cerré. Voy a pedir ayuda para no volver a "
        "apartarte así.",
        {G, E, R, N},
    ),
    item(
        "Perdoname, fui un tarado. No tendría que haberte hablado así delante "
        "de tus viejos. Te prometo que no se repite.",
        {F, R, N},
    ),
    item(
        "Oye, perdón por lo de ayer. La regué feo y lo sé. Ya hablé con tu "
        "hermana para aclararle todo.",
        {G, R, P},
    ),
    item(
        "Tía, lo siento. La he liado parda con lo de la fiesta. Te debo una "
        "explicación: me agobié y me fui sin avisarte. ¿Qué puedo hacer para "
        "compensarte?",
        {G, R, E, P},
    ),
    item(
        "Te mentí y lo siento. Tómate el tiempo que necesites; ojalá algún día "
        "puedas perdonarme.",
        {R, G, F},
    ),
    item(
        "Cuando estés lista, me gustaría que lo habláramos. Perdón por lo que hice.",
        {G, P},
    ),
    item("No es culpa tuya, para nada. Te mentí yo.", {R}),
    item(
        "Te pido perdón; no fue solo un error, fue una traición.",
        {G, R},
    ),
    item("Rompí el jarrón de tu abuela y se hizo añicos. Lo siento.", {R, G}),
    # Conditional: the hurt made hypothetical.
    item("Perdón si te molestó lo que dije en la cena.", (), {COND}),
    item("Lo siento si te hice daño, no era mi intención.", (), {COND, MIN}),
    item("siento si te ofendi con el comentario", (), {COND}),
    item(
        "Si en algo te fallé, perdón. Voy a intentar hacerlo mejor.",
        {N},
        {COND},
    ),
    item("Te pido disculpas por lo que sea que hice.", (), {COND}),
    item("Perdona si te sentiste ignorada en la fiesta.", (), {COND, FEEL}),
    item("Si hice algo mal, lo siento.", (), {COND}),
    # Sorry for their feelings, not for the act.
    item("Siento que te sientas así.", (), {FEEL}),
    item("Lamento que te lo hayas tomado tan mal.", (), {FEEL}),
    item("Siento que te hayas tenido que enterar por otra persona.", (), {FEEL}),
    item("siento que estes tan enfadada conmigo", (), {FEEL}),
    item("Me sabe mal que te haya molestado lo de anoche.", (), {FEEL}),
    # Sorry, but.
    item("Lo siento, pero no podía quedarme en casa otra vez.", {G}, {BUT}),
    item(
        "perdon pero es que me pusiste nerviosa con tantas preguntas",
        {G},
        {BUT, BLAME},
    ),
    item(
        "Te pido perdón, pero tienes que entender que estaba bajo mucha presión.",
        {G, E},
        {BUT},
    ),
    item(
        "Me disculpo por llegar tarde, pero el tráfico estaba imposible.",
        {G, E},
        {BUT},
    ),
    item(
        "Lamento lo de tu cumpleaños, de verdad, pero me lo tenías que haber "
        "recordado.",
        {G},
        {BUT, BLAME},
    ),
    # Blame: the fault turned back on the partner.
    item(
        "Lo siento. Tú también me mentiste el mes pasado, así que estamos a mano.",
        {G},
        {BLAME},
    ),
    item(
        "Si no hubieras revisado mi celular, no te habrías enterado así.",
        (),
        {BLAME},
    ),
    item("Me obligaste a mentirte con tus celos.", (), {BLAME}),
    item("Tú empezaste la discusión, yo solo respondí.", (), {BLAME, MIN}),
    item("Perdón por gritar. Tú siempre me sacas de quicio.", {G}, {BLAME}),
    item(
        "Reconozco que me pasé, aunque tú deberías haberme avisado de que "
        "venía tu madre.",
        {R},
        {BLAME},
    ),
    item("La culpa es de los dos, no solo mía.", (), {BLAME}),
    item(
        "Fuiste tú la que sacó el tema delante de todos. Yo solo reaccioné.",
        (),
        {BLAME, MIN},
    ),
    item(
        "Sé que te hice daño al cancelar el viaje a última hora, y lo siento de "
        "verdad. Fue una decisión egoísta. Pero, siendo sinceros, tú tampoco "
        "tenías muchas ganas de ir.",
        {R, G},
        {BLAME},
    ),
    # Minimising: by size or by good intent.
    item("Solo fue un café con una compañera, no es para tanto.", (), {MIN}),
    item(
        "No fue con mala intención, solo quería ayudarte con las cuentas.",
        (),
        {MIN},
    ),
    item(
        "Lo siento, era una broma. No pensé que te fuera a molestar tanto.",
        {G},
        {MIN},
    ),
    item("Solo miré tu correo un segundo. Perdón.", {R, G}, {MIN}),
    item("Llegué solo veinte minutos tarde, tampoco es tan grave.", {R}, {MIN}),
    item("No lo hice a propósito, te lo juro.", (), {MIN}),
    item("Exageras, fue un comentario sin importancia.", (), {BLAME, MIN}),
    item("Lo hice con la mejor intención, de verdad.", (), {MIN}),
    item(
        "Te pido perdón por lo del sábado. Bebí demasiado y dije cosas que no "
        "pensaba. Solo fueron un par de copas de más, pero no volverá a pasar.",
        {G, R, N},
        {MIN},
    ),
    # Passive: what happened, without who did it.
    item("Se cometieron errores, y lo siento.", {G}, {PASS}),
    item("Se me olvidó tu cumpleaños. Perdóname.", {F}, {PASS}),
    item("Se rompió el jarrón de tu abuela. Lo siento mucho.", {G}, {PASS}),
    item("se me cayo tu movil y se rajo la pantalla, perdon", {G}, {PASS}),
    item("Las cosas se salieron de control esa noche.", (), {PASS}),
    item(
        "Se gastó el dinero del alquiler y no supe cómo decírtelo.",
        {E},
        {PASS},
    ),
    item(
        "Se me escapó lo del embarazo delante de tu hermana. Lo siento.",
        {G},
        {PASS},
    ),
    item("Se nos fue de las manos la discusión, perdón.", {G}, {PASS}),
    # Pressure: to be forgiven, or to move on, now.
    item("Ya te pedí perdón, ¿qué más quieres?", {G}, {PRESS}),
    item("Lo siento mucho. ¿Podemos pasar página ya?", {G}, {PRESS}),
    item("Perdón, mi vida. ¿Ya estamos bien?", {G}, {PRESS}),
    item("Olvidémoslo y sigamos adelante, ¿sí?", (), {PRESS}),
    item("Tienes que perdonarme, no puedo seguir así.", {F}, {PRESS}),
    item("No le demos más vueltas, ya pasó.", (), {PRESS}),
    item(
        "Fue mi culpa y lo siento. Borrón y cuenta nueva, ¿vale?",
        {R, G},
        {PRESS},
    ),
    item("¿Cuánto tiempo más vas a estar enfadada por esto?", (), {PRESS}),
    item(
        "Perdón por no contestarte en todo el día, amor. Estuve a full con el "
        "laburo. Mañana te compenso con una cena, ¿dale? Y no hablemos más de "
        "esto.",
        {G, E, P},
        {PRESS},
    ),
    item(
        "Lo siento muchísimo, de verdad. Fue un error tremendo y es culpa mía. "
        "Pero te pido que lo dejemos atrás cuanto antes.",
        {G, R},
        {PRESS},
    ),
]

ROUND_2 = [
    item("Metí la pata con lo de tu hermana y lo siento de corazón.", {R, G}),
    item("Me porté fatal contigo en la boda. No hay excusa.", {R}),
    item(
        "Te pido perdón por no haberte defendido delante de mi familia. Tenías razón.",
        {G},
    ),
    item("Mil disculpas por lo de anoche, de verdad.", {G}),
    item(
        "Lo siento mucho, amor. Me comporté como un idiota y te hice sentir pequeña.",
        {G, R},
    ),
    item("Voy a hablar con mi madre para que no vuelva a pasar.", {P, N}),
    item(
        "Me olvidé de recogerte en el aeropuerto y te dejé tirada. Lo siento.",
        {R, G},
    ),
    item("Quiero que sepas que te quiero y que esto me importa."),
    item("Me hubiera gustado decírtelo antes.", {G}),
    item("Fue solo culpa mía, de nadie más.", {R}),
    item("No estuve a la altura y lo sé.", {R}),
    item("Perdona por no avisarte de que llegaba tarde.", {G}),
    item(
        "Te traté mal y no te lo merecías. Lo siento. Voy a buscar ayuda para "
        "controlar mi enojo.",
        {R, G, N},
    ),
    item(
        "Perdón por haberte hablado así. Fue horrible de mi parte. ¿Cómo puedo "
        "compensarte?",
        {G, R, P},
    ),
    item(
        "Te fallé cuando más me necesitabas y me arrepiento muchísimo. No voy a "
        "volver a dejarte sola.",
        {R, G, N},
    ),
    item("No te voy a presionar; cuando quieras hablamos."),
    item("Te pido perdón de corazón. No fue tu culpa para nada.", {G}),
    item("Si te ha molestado, perdón.", (), {COND}),
    item("Lo siento si algo de lo que dije te sentó mal.", (), {COND}),
    item("Siento que te hayas enterado así.", (), {FEEL}),
    item("Siento mucho que pienses eso de mí.", (), {FEEL}),
    item("Siento que lo veas de esa manera.", (), {FEEL}),
    item(
        "Lamento haberte hecho sentir así, pero estaba muy cansado.",
        {G, E},
        {BUT},
    ),
    item("Perdón, pero vos también me gritaste.", {G}, {BUT, BLAME}),
    item("Tú también tienes parte de culpa.", (), {BLAME}),
    item(
        "Si me hubieras contestado el teléfono, no habría pasado nada de esto.",
        (),
        {BLAME},
    ),
    item("No me dejaste otra opción.", (), {BLAME}),
    item("Tú siempre sacas lo peor de mí.", (), {BLAME}),
    item("Y tú qué, ¿nunca te has equivocado?", (), {BLAME}),
    item("Bueno, tú hiciste lo mismo el año pasado.", (), {BLAME}),
    item("Era una tontería, no sé por qué te pones así.", (), {MIN, BLAME}),
    item("Fue un momento nada más, no significó nada.", (), {MIN}),
    item("Apenas fueron cinco minutos.", (), {MIN}),
    item("No lo dije en serio, era un chiste.", (), {MIN}),
    item("Lo hice por ti, para que no te preocuparas.", {E}, {MIN}),
    item("Se me hizo tarde y no te avisé.", {R}, {PASS}),
    item("Hubo un malentendido con el dinero.", (), {PASS}),
    item("Se perdieron las fotos del viaje, lo siento.", {G}, {PASS}),
    item("Al final se nos hizo tarde y perdimos el tren.", (), {PASS}),
    item("Supéralo ya, fue hace un mes.", (), {PRESS}),
    item("Deja de estar enojada conmigo, porfa.", (), {PRESS}),
    item("Ya está, ¿no? Ya te dije que lo siento.", {G}, {PRESS}),
    item("Venga, no te enfades más, que ya pasó.", (), {PRESS}),
    item("¿Me perdonas ya o qué?", {F}, {PRESS}),
    item("Cambiemos de tema, porfa.", (), {PRESS}),
    item("Necesito que esto se arregle hoy mismo.", (), {PRESS}),
    item("Vamos a dejarlo aquí y a disfrutar del finde.", (), {PRESS}),
    item("Bueno, tampoco es que tú seas perfecta.", (), {BLAME}),
    item("Tú me hiciste lo mismo con tu ex y no dije nada.", (), {BLAME}),
    item(
        "Si me tuvieras más confianza, no tendría que esconderte las cosas.",
        (),
        {BLAME},
    ),
    item("Con lo que me dijiste tú primero, ¿qué esperabas?", (), {BLAME}),
    item("Tú sabías que yo estaba de mal humor.", {E}, {BLAME}),
    item("Tampoco te pongas así, que no fue para tanto.", (), {MIN, BLAME}),
    item("No te enojes, solo estaba jugando.", (), {MIN, PRESS}),
    item("Fueron dos cervezas, nada más.", (), {MIN}),
    item("Solo le di like a una foto, no es el fin del mundo.", (), {MIN}),
    item("Lo hice pensando en nosotros.", (), {MIN}),
    item("Eran unos mensajes sin más.", (), {MIN}),
    item("El coche quedó rayado.", (), {PASS}),
    item("Se dijeron cosas feas por los dos lados.", (), {PASS, BLAME}),
    item("Se me fue la mano con la tarjeta este mes.", (), {PASS}),
    item("Las cosas pasaron así, no hay mucho más que contar.", (), {PASS}),
    item("Ya, ¿podemos dejar de hablar de esto?", (), {PRESS}),
    item("Te pedí perdón mil veces.", {G}, {PRESS}),
    item("Perdóname ya, por favor, que no aguanto más.", {F}, {PRESS}),
    item("No seas rencorosa.", (), {PRESS}),
    item("Ya lo hablamos, no hace falta volver a sacarlo.", (), {PRESS}),
    item("Tenemos que pasar de esto ya.", (), {PRESS}),
    item(
        "Prometo compensártelo, pero hoy no quiero seguir hablando de esto.",
        {P},
        {PRESS},
    ),
    item(
        "Lo siento, lo siento, lo siento. Me pasé de la raya y lo sé.",
        {G, R},
    ),
    item(
        "Asumo lo que hice. Te mentí sobre el dinero y no tiene justificación.",
        {R},
    ),
    item(
        "No tengo excusa. Te ignoré toda la noche en la cena con tus amigos.",
        {R},
    ),
]

DEV_ES = DEV_ES + ROUND_2
