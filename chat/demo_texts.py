"""French conversations for the demo chat (`chat/demo.py` replays them).

Each exchange is a tuple of lines; a line is (speaker, text). Speakers are numbered
in order of appearance: 0 opens, then 1, 2… Placeholders in texts: {commune} (the
committee's village, or a Gers town in network rooms), {town} (another Gers town),
{day} (a weekday), {name0}, {name1}… (first names of the speakers) and {@0},
{@1}… (a mention of that speaker).
"""

# ruff: noqa: E501

GENERAL = [
    (
        (
            0,
            "Bonjour à tous ! Je viens de poser mes cartons à {commune}, après quinze ans à Paris.",
        ),
        (1, "Bienvenue {name0} ! Alors, ce grand saut ?"),
        (0, "Un peu vertigineux, mais le silence le soir, c'est incroyable 😅"),
        (2, "On est tous passés par là. Tu travailles dans quoi ?"),
        (0, "Je suis développeuse web en freelance, surtout pour des agences."),
        (2, "Alors viens au coworking le jeudi, il y a déjà deux autres devs."),
    ),
    (
        (
            0,
            "Coucou ! Nouvelle arrivée de Lyon avec mon conjoint et nos deux enfants, on est à {commune} depuis {day}.",
        ),
        (1, "Bienvenue dans le Gers ! Les enfants vont à l'école du village ?"),
        (
            0,
            "Oui, rentrée lundi. Ils sont un peu stressés, mais l'instit a l'air adorable.",
        ),
        (1, "Ça va aller très vite, les classes sont petites ici 🙂"),
    ),
    (
        (
            0,
            "Rappel : l'assemblée générale du réseau, c'est samedi prochain à {commune}, salle des fêtes, à partir de 10 h.",
        ),
        (1, "Il y aura un repas après ?"),
        (0, "Oui, auberge espagnole ! Chacun apporte un plat ou une boisson."),
        (2, "Je ramène un gâteau aux noisettes."),
        (3, "Et moi du floc, il faut bien le faire découvrir aux nouveaux."),
        (4, "Super, à samedi tout le monde !"),
    ),
    (
        (0, "Quelqu'un est allé au marché de Noël de {town} ce week-end ?"),
        (
            1,
            "Oui, dimanche ! Beaucoup de producteurs, du foie gras, des santons, du vin chaud.",
        ),
        (2, "Et le parking ? La dernière fois, c'était l'enfer."),
        (1, "Ils ont mis une navette depuis le supermarché, c'était pratique."),
    ),
    (
        (
            0,
            "Bonjour, je m'appelle {name0}, je suis arrivé de Bordeaux le mois dernier.",
        ),
        (
            0,
            "Consultant en RH, je travaille à distance pour un cabinet bordelais, trois jours par semaine.",
        ),
        (1, "Bienvenue ! Tu es installé où ?"),
        (0, "À {commune}, dans une ancienne ferme qu'on retape petit à petit."),
        (
            2,
            "Courage pour les travaux ! Le salon Entraide est ton ami pour trouver des artisans 🙂",
        ),
    ),
    (
        (
            0,
            "Bonne nouvelle : un nouvel espace de coworking ouvre à {town} le mois prochain !",
        ),
        (1, "Génial, c'est où exactement ?"),
        (
            0,
            "Dans l'ancienne gendarmerie, à côté de la mairie. Douze postes, une salle de réunion et une cabine visio.",
        ),
        (2, "Enfin ! Je faisais quarante minutes de route pour aller à Auch."),
        (0, "Il y aura une inauguration, je vous donne la date dès que je l'ai."),
    ),
    (
        (
            0,
            "La CCI organise un atelier « Trouver ses premiers clients quand on est freelance » {day} après-midi.",
        ),
        (1, "C'est gratuit ?"),
        (
            0,
            "Oui, pour les membres du réseau. Inscription auprès de l'accueil de la CCI à Auch.",
        ),
        (2, "Je m'inscris, j'en ai bien besoin en ce moment 😅"),
    ),
    (
        (0, "Quel orage cette nuit ! Quelqu'un a eu de la grêle ?"),
        (1, "Un peu à {commune}, rien de grave chez nous."),
        (
            2,
            "Ici le courant a sauté pendant deux heures. Heureusement que l'ordi avait de la batterie.",
        ),
        (0, "Il faut vraiment que j'investisse dans un onduleur."),
    ),
    (
        (0, "Qui va à Jazz in Marciac cet été ?"),
        (
            1,
            "Moi ! J'ai pris des places sous le chapiteau, et le reste du temps je traîne au festival off sur la place.",
        ),
        (2, "Le off est top, et gratuit. Des concerts dans les rues jusqu'à tard..."),
        (3, "Je cherche un covoiturage depuis {commune} si quelqu'un y va en soirée."),
        (1, "{@3} on part samedi vers 18 h, il reste deux places."),
        (3, "Parfait, merci {name1} !"),
    ),
    (
        (
            0,
            "Ce matin, brouillard sur les coteaux et les Pyrénées qui dépassaient derrière. Je ne m'en lasse pas.",
        ),
        (1, "Ah oui, la chaîne était magnifique aujourd'hui !"),
        (2, "Quand on voit les Pyrénées, c'est qu'il va pleuvoir, dit mon voisin 😄"),
        (0, "Alors profitons-en avant la pluie."),
    ),
    (
        (
            0,
            "Bonjour tout le monde ! Nous arrivons de Belgique, près de Namur. Installés à {commune} depuis trois semaines.",
        ),
        (1, "Bienvenue ! Pas trop chaud ? 😄"),
        (
            0,
            "On s'habitue... Je suis graphiste, et mon mari donne des cours de néerlandais en ligne.",
        ),
        (
            2,
            "Il y a une petite communauté belge dans le coin, je peux vous mettre en contact.",
        ),
        (0, "Avec plaisir, merci {name2} !"),
    ),
    (
        (0, "Le festival des bandas à Condom, c'est ce week-end ! Qui y va ?"),
        (1, "On y va samedi avec les enfants, ils adorent les fanfares."),
        (2, "Prévoyez des protections auditives pour les petits, ça joue fort 😅"),
        (1, "Bien vu, merci !"),
    ),
    (
        (
            0,
            "Petite question de nouveau : la feria de Vic, il n'y a que des corridas ?",
        ),
        (
            1,
            "Pas du tout, il y a aussi des bandas partout, des bodegas, des concerts. On peut très bien y aller sans voir de corrida.",
        ),
        (
            2,
            "L'ambiance dans les rues vaut le détour, mais il y a beaucoup de monde le soir.",
        ),
        (0, "OK, on tentera en journée alors."),
    ),
    (
        (0, "Tempo Latino à Vic-Fezensac, quelqu'un connaît ?"),
        (
            1,
            "J'y vais tous les étés ! Salsa, cumbia, et les gens dansent jusque dans les arènes.",
        ),
        (0, "Il faut réserver ?"),
        (
            1,
            "Pour les grands concerts oui, mais le off en ville suffit largement pour une première fois.",
        ),
        (2, "Et il y a des cours de danse l'après-midi, c'est sympa pour se lancer."),
    ),
    (
        (
            0,
            "Bon plan : la ferme sur la route de {town} vend ses légumes en direct le {day} soir. Prix corrects et super accueil.",
        ),
        (1, "C'est celle avec le panneau bleu ?"),
        (0, "Oui, c'est ça. Pensez à prendre des sacs."),
        (2, "Merci, je teste la semaine prochaine 👍"),
    ),
    (
        (
            0,
            "Hello ! Je suis {name0}, on arrive de Nantes. Je suis cheffe de projet en télétravail pour un éditeur de logiciels.",
        ),
        (1, "Bienvenue ! Tu as trouvé où t'installer ?"),
        (
            0,
            "On loue à {commune} pour un an, le temps de trouver une maison à acheter.",
        ),
        (1, "Bonne idée, ça permet de découvrir les villages avant de se décider."),
        (2, "Et de savoir où passe la fibre 😅"),
        (0, "C'est LE critère numéro un, effectivement !"),
    ),
    (
        (
            0,
            "Bonjour ! Arrivée de Lille avec mon compagnon et notre chien. On est à {commune}.",
        ),
        (1, "Bienvenue ! Le changement de climat n'est pas trop rude ?"),
        (0, "On a ressorti les shorts en mars, c'est perturbant 😄"),
        (
            2,
            "Tu verras, l'hiver est doux mais humide. Et le vent d'autan, c'est toute une expérience.",
        ),
        (0, "On me l'a déjà dit, j'ai hâte... ou pas !"),
    ),
    (
        (
            0,
            "Les vendanges ont commencé autour de chez moi, ça sent le raisin partout.",
        ),
        (1, "Ici aussi, les tracteurs défilent toute la journée."),
        (2, "Prudence sur les petites routes, il y a de la boue et des remorques."),
    ),
    (
        (
            0,
            "Bienvenue aux nouveaux membres arrivés ce mois-ci ! N'hésitez pas à vous présenter ici.",
        ),
        (1, "Merci ! Je suis {name1}, traductrice, arrivée de Paris à {commune}."),
        (
            2,
            "Et moi {name2}, photographe, on vient de Toulouse... enfin, pas de très loin !",
        ),
        (
            0,
            "Bienvenue à vous deux ! Un apéro d'accueil est prévu {day} soir, les infos arrivent.",
        ),
    ),
    (
        (
            0,
            "Merci à tous d'être venus à l'assemblée générale ! Plus de cent personnes, un record.",
        ),
        (
            1,
            "Super moment. Les témoignages des nouveaux arrivants étaient très touchants.",
        ),
        (2, "Et le buffet préparé par les comités, incroyable 🙂"),
        (3, "Bravo aux bénévoles pour l'organisation."),
        (0, "Le compte rendu sera en ligne la semaine prochaine."),
    ),
    (
        (0, "Premier déjeuner en terrasse de l'année aujourd'hui, sous la glycine."),
        (1, "Quel bonheur ! Ici, les hirondelles sont revenues."),
        (0, "Le printemps gersois, c'est quand même quelque chose."),
    ),
    (
        (0, "38 degrés annoncés {day}. Vous faites comment pour travailler ?"),
        (
            1,
            "Volets fermés dès 9 h et ventilateur. Je commence tôt et je fais une pause l'après-midi.",
        ),
        (2, "Moi je vais au coworking, il est climatisé 😅"),
        (
            3,
            "Et la piscine municipale de {town} ouvre jusqu'à 20 h, idéal après le travail.",
        ),
        (4, "Bonne idée, je ne savais pas qu'elle fermait si tard."),
    ),
    (
        (0, "{@1} tu étais au forum des associations de {commune} samedi ?"),
        (1, "Oui ! J'ai inscrit ma fille au club de rugby."),
        (0, "Ah super, mon fils hésite entre le rugby et le judo."),
        (1, "Venez voir un entraînement le mercredi, ils sont très accueillants."),
    ),
    (
        (
            0,
            "Bonjour ! On est arrivés à {commune} cet été, de Bordeaux. Deux enfants de 4 et 7 ans.",
        ),
        (1, "Bienvenue ! Le petit est à l'école ou chez une assistante maternelle ?"),
        (0, "Il rentre en moyenne section, donc école. Ouf !"),
        (
            2,
            "Il y a un groupe de parents très actif à {commune}, je te mets en lien si tu veux.",
        ),
        (0, "Avec plaisir, merci !"),
    ),
    (
        (
            0,
            "Le réseau lance un système de parrainage : chaque nouvel arrivant peut avoir un parrain installé depuis plus d'un an.",
        ),
        (1, "Très bonne idée ! Je me porte volontaire."),
        (
            2,
            "Moi aussi. J'aurais adoré avoir quelqu'un à qui poser mes questions bêtes au début.",
        ),
        (0, "Merci ! Un formulaire arrive dans la journée."),
    ),
    (
        (
            0,
            "Les tournesols sont en fleur vers {town}, ça vaut le détour pour une balade à vélo.",
        ),
        (1, "Tu as un itinéraire à conseiller ?"),
        (
            0,
            "La petite route des coteaux, après le lac. Quelques montées, mais la vue est splendide.",
        ),
        (1, "Je note pour dimanche 👍"),
    ),
    (
        (0, "Bonjour à tous, belle journée !"),
        (1, "Belle journée à toi aussi 🙂"),
    ),
    (
        (
            0,
            "Bonjour, moi c'est {name0}. Architecte d'intérieur, je quitte Paris pour {commune} avec mes deux ados.",
        ),
        (1, "Bienvenue ! Et les ados, ils prennent comment la campagne ?"),
        (
            0,
            "Honnêtement, le premier mois a été compliqué. Maintenant, ils ont des copains au lycée et ça va beaucoup mieux.",
        ),
        (2, "La conduite accompagnée, le scooter... ça change tout pour eux ici."),
        (0, "C'est exactement la prochaine étape 😅"),
    ),
    (
        (
            0,
            "Marché nocturne à {commune} vendredi soir : producteurs, grandes tablées et un groupe de musique.",
        ),
        (1, "On y sera ! Il faut apporter ses couverts ?"),
        (
            0,
            "Oui, assiettes et couverts, c'est la tradition. On achète son repas aux stands.",
        ),
        (2, "Le magret au barbecue, je ne le rate jamais."),
    ),
    (
        (
            0,
            "Petit mot pour remercier {@1} qui m'a prêté sa remorque pour le déménagement. Tu m'as sauvé !",
        ),
        (1, "Avec plaisir {name0}, c'est fait pour ça 🙂"),
        (2, "C'est ça, l'esprit du réseau !"),
    ),
    (
        (
            0,
            "C'est la saison des cèpes ? Je vois des voitures garées au bord des bois partout.",
        ),
        (1, "Oui, mais personne ne te dira où sont les coins 😄"),
        (
            2,
            "Et attention, beaucoup de bois sont privés. Il faut demander l'autorisation.",
        ),
        (0, "Bon, je me contenterai du marché alors."),
    ),
    (
        (
            0,
            "Bonjour ! Je crée une petite entreprise de torréfaction de café et je quitte Lyon pour {commune}.",
        ),
        (1, "Génial ! Tu vendras sur les marchés ?"),
        (
            0,
            "Oui, et en ligne. Je cherche aussi des épiceries et des cafés du coin intéressés.",
        ),
        (2, "Passe à l'épicerie de {town}, la gérante adore les produits locaux."),
        (3, "Et vois avec la CCI, ils accompagnent les créateurs."),
        (0, "Merci pour les pistes !"),
    ),
    (
        (0, "Premières gelées ce matin, le pare-brise était tout blanc."),
        (
            1,
            "J'ai allumé le poêle pour la première fois hier soir. Ça sent bon le bois.",
        ),
        (2, "C'est la saison des soupes et des châtaignes 🙂"),
    ),
    (
        (
            0,
            "Un nouveau comité d'accueil vient de se créer à {commune} ! Ça fait une cinquantaine de villages dans le réseau.",
        ),
        (1, "Bravo aux bénévoles !"),
        (
            0,
            "Ils organisent un pot de bienvenue {day} prochain, tout le monde est invité.",
        ),
        (2, "J'y serai, c'est à deux pas de chez moi."),
    ),
    (
        (
            0,
            "Bon plan : la médiathèque de {town} prête des liseuses, et le wifi est gratuit.",
        ),
        (1, "Elle est ouverte le samedi matin ? Je n'y suis jamais allé."),
        (0, "Oui, de 9 h à midi. L'équipe est adorable."),
    ),
    (
        (
            0,
            "Salut ! Moi c'est {name0}, ingénieur en cybersécurité, en télétravail complet pour une entreprise parisienne.",
        ),
        (
            0,
            "On a atterri à {commune} avec ma femme et nos trois enfants, après des années en banlieue.",
        ),
        (1, "Bienvenue ! Trois enfants, il va falloir un grand jardin 😄"),
        (0, "On a un hectare, les enfants n'en reviennent pas."),
        (
            2,
            "Bienvenue {name0} ! Si tu veux un coup de main pour le potager, je suis passionné.",
        ),
        (0, "Avec plaisir, je n'y connais absolument rien."),
    ),
    (
        (
            0,
            "{@2} tu avais parlé d'une chorale à {commune}, elle accepte encore du monde ?",
        ),
        (1, "Je peux répondre : oui, ils cherchent surtout des voix d'hommes !"),
        (
            2,
            "Exactement, répétition le {day} à 20 h 30 à la salle des fêtes. Viens essayer !",
        ),
        (0, "Je suis un ténor très moyen, mais motivé 😅"),
    ),
    (
        (0, "Trois jours de pluie sans arrêt, le jardin est une piscine."),
        (1, "Pareil, mais les agriculteurs sont contents."),
        (0, "C'est vrai, après l'été sec qu'on a eu..."),
        (2, "Et les champignons vont sortir."),
    ),
    (
        (
            0,
            "Nouveauté sur l'intranet : une rubrique « Missions » pour partager des offres entre membres.",
        ),
        (
            1,
            "Top ! J'ai justement une mission de traduction que je ne peux pas prendre.",
        ),
        (0, "Parfait, tu peux la publier dès maintenant."),
        (2, "Ça va faciliter la vie de tout le monde, merci."),
    ),
    (
        (
            0,
            "Bonsoir, je suis nouvelle ici. Comptable indépendante, arrivée de Bordeaux à {commune}.",
        ),
        (1, "Bienvenue ! {@2} tu cherchais une comptable, non ?"),
        (2, "Oui ! Je t'envoie un message privé, {name0} 🙂"),
        (0, "Avec plaisir !"),
    ),
]

COWORKING = [
    (
        (0, "Qui vient au tiers-lieu de {commune} demain ?"),
        (1, "Moi, toute la journée."),
        (2, "Je passe l'après-midi seulement, j'ai des rendez-vous le matin."),
        (0, "Super, on déjeune ensemble alors {name1} ?"),
        (1, "Avec plaisir 👍"),
    ),
    (
        (
            0,
            "Est-ce que la salle de réunion de {commune} est libre {day} de 14 h à 16 h ?",
        ),
        (1, "D'après le planning, elle est prise jusqu'à 15 h. Après, c'est bon."),
        (0, "Mince. Je vais décaler ma réunion client à 15 h alors."),
        (1, "Je te la réserve sur le planning en ligne ?"),
        (0, "Oui, merci beaucoup !"),
    ),
    (
        (0, "Le wifi est tombé au coworking, vous l'avez aussi ?"),
        (1, "Oui, plus rien depuis dix minutes."),
        (2, "Je redémarre la box, ça devrait revenir dans deux minutes."),
        (0, "C'est revenu, merci {name2} !"),
    ),
    (
        (
            0,
            "Rappel : demain c'est jeudi coworking à {commune} ! Café offert le matin.",
        ),
        (1, "J'apporte des chocolatines 🙂"),
        (2, "Je serai là vers 9 h 30."),
        (3, "Moi je viens seulement pour le déjeuner, matinée chargée à la maison."),
    ),
    (
        (0, "La cabine visio est réservée toute la matinée {day} ?"),
        (1, "C'est moi, désolée ! J'ai une formation à distance de 9 h à midi."),
        (0, "Pas de souci, je prendrai la petite salle du fond."),
        (1, "Elle est bien insonorisée aussi, tu verras."),
    ),
    (
        (
            0,
            "Quelqu'un part de {town} vers le coworking d'Auch demain matin ? Ma voiture est au garage.",
        ),
        (1, "Oui, je pars vers 8 h 15. Je peux te prendre sur la place de l'église."),
        (0, "Génial, merci ! Je t'offre le café."),
        (1, "Marché conclu 😄"),
    ),
    (
        (0, "On mange où ce midi ?"),
        (1, "Le petit resto sur la place fait un menu du jour pas cher."),
        (2, "Il est souvent complet le jeudi, il vaut mieux appeler avant."),
        (0, "Je réserve pour trois ?"),
        (3, "Quatre ! Je vous rejoins."),
    ),
    (
        (0, "Vous utilisez quoi comme casque pour les visios ? Le mien grésille."),
        (
            1,
            "Un casque filaire avec micro perche. Moins joli, mais zéro problème de batterie.",
        ),
        (
            2,
            "Moi un casque Bluetooth à réduction de bruit, pratique quand il y a du monde autour.",
        ),
        (0, "Je crois que je vais prendre un filaire, ça me rassure."),
    ),
    (
        (
            0,
            "L'imprimante du tiers-lieu affiche « bourrage papier » et je ne trouve rien.",
        ),
        (1, "Il faut ouvrir la trappe à l'arrière, la feuille se coince souvent là."),
        (0, "Trouvée ! Merci, tu me sauves, je devais imprimer un contrat."),
    ),
    (
        (0, "Je serai au tiers-lieu de Fleurance {day}, d'autres personnes ?"),
        (1, "Moi ! On pourra parler de ton projet de site."),
        (0, "Parfait, je prends mon ordi et les maquettes."),
    ),
    (
        (
            0,
            "Petite astuce visio : mettez une lampe devant vous plutôt que derrière, on verra enfin votre visage 😄",
        ),
        (1, "Merci, je comprends maintenant pourquoi j'ai toujours l'air d'une ombre."),
        (
            2,
            "Et coupez le micro quand vous ne parlez pas, surtout à côté de la machine à café !",
        ),
    ),
    (
        (0, "Le tiers-lieu de Condom est ouvert pendant les vacances ?"),
        (1, "Oui, sauf la semaine du 15 août."),
        (0, "Top, j'y serai lundi et mardi."),
    ),
    (
        (0, "{@1} tu as encore le badge de la salle de réunion ? Je ne le trouve pas."),
        (1, "Oups, il est dans mon sac ! Je le dépose demain matin."),
        (0, "Pas de souci, je me débrouille avec la clé aujourd'hui."),
    ),
    (
        (
            0,
            "Je commence au coworking de L'Isle-Jourdain lundi, il y a des habitués ici ?",
        ),
        (1, "Oui, j'y suis presque tous les jours. Viens me voir, je te fais visiter."),
        (2, "Le parking derrière la médiathèque est gratuit, c'est plus simple."),
        (0, "Merci pour l'accueil 🙂"),
    ),
    (
        (0, "Quelqu'un a déjà testé l'espace de travail partagé de Lectoure ?"),
        (1, "Oui, c'est petit mais très calme, avec une vue superbe sur la vallée."),
        (0, "Et la connexion ?"),
        (1, "La fibre est arrivée, aucun souci pour les visios."),
    ),
    (
        (
            0,
            "Je cherche un endroit pour travailler près d'Eauze la semaine prochaine, je garde la maison de mes beaux-parents.",
        ),
        (1, "Il y a un tiers-lieu en centre-ville, avec des bureaux à la journée."),
        (0, "Parfait, tu as le contact ?"),
        (1, "Je t'envoie ça en message privé."),
    ),
    (
        (
            0,
            "Covoiturage de Mirande vers Auch jeudi pour le coworking, il me reste deux places.",
        ),
        (1, "Je prends une place ! Tu pars à quelle heure ?"),
        (0, "8 h 30 devant la poste."),
        (2, "Je veux bien aussi, si ça ne te dérange pas de passer par {commune}."),
        (0, "Pas de problème, c'est sur le chemin."),
    ),
    (
        (
            0,
            "Petit rappel amical : les appels téléphoniques, c'est dans la cabine ou dehors 🙂",
        ),
        (1, "Désolé, c'était moi ce matin, je n'ai pas vu le temps passer."),
        (0, "Aucun souci, c'est juste un rappel général !"),
    ),
    (
        (0, "Demain je serai à {town}, on se retrouve au tiers-lieu ?"),
        (1, "Je ne peux pas, je suis à Lectoure toute la journée."),
        (2, "Moi je passe ! Je serai là vers 10 h."),
        (0, "Super, on fera le point sur le salon à ce moment-là."),
    ),
    (
        (
            0,
            "Vous faites vos visios avec quel outil ? Mon client m'impose un logiciel que je ne connais pas.",
        ),
        (
            1,
            "Fais un test la veille avec quelqu'un, et installe l'appli plutôt que de passer par le navigateur.",
        ),
        (2, "Je peux faire le test avec toi cet après-midi si tu veux."),
        (0, "Volontiers {name2}, vers 16 h ?"),
        (2, "Ça marche 👍"),
    ),
    (
        (
            0,
            "J'aimerais réserver la grande salle de {commune} pour un atelier avec huit personnes, c'est possible ?",
        ),
        (
            1,
            "Oui, il faut passer par l'accueil. C'est gratuit pour les membres en semaine.",
        ),
        (0, "Et il y a un vidéoprojecteur ?"),
        (
            1,
            "Oui, et un grand écran pour les visios. Pense juste à demander le câble HDMI.",
        ),
    ),
    (
        (0, "{@2} tu sais si quelqu'un a commandé des cartouches pour l'imprimante ?"),
        (1, "Je crois que l'accueil s'en occupe."),
        (
            2,
            "C'est fait, elles arrivent {day}. En attendant, on peut imprimer en noir et blanc.",
        ),
        (0, "Merci !"),
    ),
    (
        (
            0,
            "Ça fait six mois que je viens au jeudi coworking, et ça a changé mon rythme de travail.",
        ),
        (1, "Pareil ! Une journée par semaine avec du monde, ça casse l'isolement."),
        (2, "Et on finit toujours par s'échanger des contacts ou des missions."),
        (0, "Bref, merci à tous 🙂"),
    ),
    (
        (
            0,
            "La connexion est très lente aujourd'hui, quelqu'un télécharge de gros fichiers ?",
        ),
        (1, "Oups, c'est peut-être moi, j'envoie des vidéos à un client."),
        (0, "Pas grave, tu en as pour longtemps ?"),
        (1, "Dix minutes maximum. La prochaine fois, je programmerai l'envoi le soir."),
    ),
    (
        (0, "Il fait beau, pique-nique dans le parc à midi ?"),
        (1, "Bonne idée ! J'apporte une salade."),
        (2, "Je passe à la boulangerie, je prends du pain pour tout le monde."),
        (3, "Je vous rejoins vers 12 h 30, après mon appel."),
        (4, "Moi aussi, gardez-moi une place à l'ombre !"),
    ),
    (
        (0, "La machine à café est en panne, c'est un drame 😅"),
        (1, "Il y a une cafetière italienne dans le placard de la cuisine."),
        (0, "Tu viens de sauver ma journée."),
    ),
    (
        (
            0,
            "Quelqu'un sera au coworking d'Auch {day} ? J'ai besoin d'un avis sur ma présentation.",
        ),
        (1, "Je serai là le matin. Tu peux me la montrer vers 11 h."),
        (0, "Merci, je te dois un déjeuner."),
    ),
    (
        (
            0,
            "{@1} j'ai oublié mon casque, je peux t'emprunter le tien pour une visio à 14 h ?",
        ),
        (1, "Bien sûr, il est dans le tiroir de mon bureau."),
        (0, "Merci, je te le rends juste après !"),
    ),
    (
        (
            0,
            "Bonne nouvelle : deux nouvelles cabines visio arrivent au tiers-lieu de {commune} le mois prochain.",
        ),
        (1, "Enfin ! Il y avait toujours la queue pour l'unique cabine."),
        (2, "Elles seront réservables en ligne ?"),
        (0, "Oui, sur le même planning que la salle de réunion."),
    ),
    (
        (
            0,
            "Je fais Condom - Fleurance tous les {day} pour le coworking, si quelqu'un veut partager les trajets.",
        ),
        (1, "Je suis intéressée ! J'habite à mi-chemin."),
        (0, "Super, {@1} je t'envoie mon numéro en privé."),
        (1, "Parfait, merci {name0} 🙂"),
    ),
]

ENTRAIDE = [
    (
        (
            0,
            "Quelqu'un sait quand la fibre arrive à {commune} ? Mon ADSL rame énormément.",
        ),
        (
            1,
            "Tu peux vérifier ton adresse sur la carte de déploiement du département, elle est mise à jour régulièrement.",
        ),
        (0, "Merci, je regarde. Et en attendant ?"),
        (2, "Une box 4G, si tu captes bien. Chez moi, ça marche mieux que l'ADSL."),
        (
            1,
            "Vérifie la couverture de chaque opérateur avant, ça change beaucoup d'un hameau à l'autre.",
        ),
    ),
    (
        (
            0,
            "Je suis dans un hameau sans fibre et avec très peu de 4G. Quelqu'un a essayé internet par satellite ?",
        ),
        (1, "Oui, depuis un an. Débit correct et latence acceptable pour les visios."),
        (0, "Et l'installation, c'est compliqué ?"),
        (
            1,
            "Pas vraiment, il faut juste une vue dégagée sur le ciel. J'ai fixé l'antenne sur le toit du garage.",
        ),
        (2, "Renseigne-toi aussi sur les aides à l'équipement, il y en a parfois."),
        (0, "Merci à vous deux, je vais creuser."),
    ),
    (
        (
            0,
            "Urgent : fuite sous l'évier, quelqu'un connaît un plombier disponible autour de {commune} ?",
        ),
        (1, "Coupe l'eau au compteur en attendant !"),
        (0, "C'est fait, merci du réflexe."),
        (
            2,
            "{@0} le plombier de {town} est venu chez moi le jour même. Je t'envoie son numéro en privé.",
        ),
        (0, "Super, merci {name2} !"),
    ),
    (
        (
            0,
            "Je cherche un électricien pour refaire le tableau électrique d'une vieille maison. Des recommandations ?",
        ),
        (1, "On a fait appel à un artisan de {town}, sérieux et devis très détaillé."),
        (
            2,
            "Demande plusieurs devis, les délais sont longs dans le coin. Compte plusieurs semaines.",
        ),
        (0, "Noté, je lance ça cette semaine."),
    ),
    (
        (0, "Il faut faire ramoner avant l'hiver ? Je n'ai jamais eu de cheminée."),
        (
            1,
            "Oui, c'est obligatoire, et ton assurance peut te demander le certificat en cas de sinistre.",
        ),
        (2, "Appelle le ramoneur tôt, à l'automne il est vite débordé."),
        (0, "D'accord, je m'en occupe dès demain."),
    ),
    (
        (0, "Où acheter du bois de chauffage sec pour le poêle ?"),
        (
            1,
            "Chez un producteur local, c'est le plus simple. Demande du chêne coupé depuis au moins deux ans.",
        ),
        (
            2,
            "Et commande maintenant : en octobre, tout le monde s'y met et les délais s'allongent.",
        ),
        (0, "Il faut combien de stères pour un hiver ?"),
        (
            1,
            "Ça dépend de la maison, mais pour un poêle en appoint, cinq ou six stères suffisent souvent.",
        ),
    ),
    (
        (0, "Notre poêle à bois enfume la pièce quand on l'allume. Une idée ?"),
        (
            1,
            "Entrouvre une fenêtre au démarrage, le tirage est souvent faible quand le conduit est froid.",
        ),
        (2, "Et vérifie que le bois est bien sec. Le bois humide fume énormément."),
        (0, "Effectivement, le bois était stocké dehors sans bâche... Merci !"),
    ),
    (
        (0, "On arrive en cours d'année, comment on inscrit les enfants à l'école ?"),
        (
            1,
            "D'abord à la mairie pour le certificat d'inscription, puis rendez-vous avec la directrice de l'école.",
        ),
        (0, "Il faut quels papiers ?"),
        (
            1,
            "Livret de famille, justificatif de domicile, carnet de santé pour les vaccins. Et le certificat de radiation de l'ancienne école.",
        ),
        (
            2,
            "À {commune}, la mairie n'est ouverte que le matin, vérifie les horaires avant d'y aller.",
        ),
    ),
    (
        (
            0,
            "Il y a des crèches dans le coin, ou il vaut mieux chercher une assistante maternelle ?",
        ),
        (
            1,
            "Il y a quelques crèches, mais les places sont rares. Inscris-toi vite sur liste d'attente.",
        ),
        (
            2,
            "Le relais petite enfance de ton secteur a la liste des assistantes maternelles disponibles. Ils sont de très bon conseil.",
        ),
        (0, "Je ne connaissais pas, merci beaucoup !"),
    ),
    (
        (
            0,
            "Quelqu'un a réussi à trouver un médecin traitant récemment ? Ça fait trois mois que je cherche.",
        ),
        (
            1,
            "C'est compliqué... Essaie la maison de santé de {town}, un nouveau médecin vient de s'y installer.",
        ),
        (
            2,
            "En attendant, il reste la téléconsultation, ou le 15 le soir et le week-end en cas de souci.",
        ),
        (0, "J'appelle la maison de santé demain, merci."),
        (
            0,
            "Mise à jour : j'ai un rendez-vous, le médecin accepte de nouveaux patients !",
        ),
        (1, "Super nouvelle 🙂"),
    ),
    (
        (0, "Un bon vétérinaire autour de {commune} ? Mon chat doit être vacciné."),
        (
            1,
            "La clinique vétérinaire de {town} est très bien, ils sont doux avec les animaux stressés.",
        ),
        (2, "Et ils assurent des gardes le week-end, pratique en cas d'urgence."),
        (0, "Parfait, j'appelle demain."),
    ),
    (
        (
            0,
            "Question de débutante : je déclare mon chiffre d'affaires à l'URSSAF tous les mois ou tous les trimestres ?",
        ),
        (
            1,
            "Tu choisis à la création de ta micro-entreprise. Tu peux changer ensuite, mais pas n'importe quand.",
        ),
        (
            2,
            "{@0} moi j'ai choisi le mensuel, ça lisse les cotisations et j'oublie moins.",
        ),
        (0, "OK, et si je n'ai rien encaissé ?"),
        (1, "Tu déclares zéro quand même, sinon tu risques une pénalité."),
    ),
    (
        (0, "Je suis en micro-entreprise, je dois facturer la TVA ?"),
        (
            1,
            "Pas tant que tu restes sous le seuil de la franchise en base. Mets la mention « TVA non applicable, art. 293 B du CGI » sur tes factures.",
        ),
        (0, "Et si je dépasse ?"),
        (
            2,
            "Tu deviens redevable de la TVA. Le mieux est d'en parler à un comptable avant que ça arrive.",
        ),
    ),
    (
        (0, "J'ai reçu un avis de CFE, c'est quoi ce truc ? 😅"),
        (
            1,
            "La cotisation foncière des entreprises. Même en micro-entreprise on la paie, sauf l'année de création.",
        ),
        (0, "Et c'est cher ?"),
        (1, "Ça dépend de la commune. Dans les petits villages, c'est souvent modéré."),
        (
            2,
            "Tu la trouves dans ton espace professionnel sur le site des impôts, et tu peux la payer en ligne.",
        ),
    ),
    (
        (
            0,
            "Ma voiture fait un bruit bizarre au freinage. Un garage de confiance près de {commune} ?",
        ),
        (1, "Le garage de la route d'Auch, honnête et pas trop cher."),
        (
            2,
            "Je confirme, un jour ils m'ont même dit qu'une réparation n'était pas nécessaire.",
        ),
        (0, "C'est rare, ça ! Je les appelle."),
        (0, "Merci pour le conseil : c'étaient les plaquettes, réparé le jour même."),
    ),
    (
        (
            0,
            "Quelqu'un pourrait me prêter une tronçonneuse ce week-end ? Un arbre est tombé dans le jardin.",
        ),
        (
            1,
            "J'en ai une, mais il faut les protections, ce n'est pas un outil anodin !",
        ),
        (0, "J'ai déjà coupé du bois, mais je n'ai ni gants ni casque."),
        (1, "Je te prête tout. Passe samedi matin à {commune}."),
        (
            2,
            "Et si c'est un gros arbre, appelle plutôt un élagueur, ce n'est pas à prendre à la légère.",
        ),
    ),
    (
        (0, "Je cherche une remorque à emprunter pour aller à la déchetterie samedi."),
        (1, "Je peux te prêter la mienne. Tu as bien un attelage ?"),
        (0, "Oui, il est installé sur la voiture."),
        (1, "Alors c'est bon, viens la chercher vendredi soir."),
        (0, "Merci {name1}, je te la rends propre 😄"),
    ),
    (
        (
            0,
            "On vient de finir de déballer : une quarantaine de cartons de déménagement à donner à {commune}.",
        ),
        (1, "Je prends ! On déménage dans deux mois."),
        (0, "Super, passe quand tu veux, ils sont dans le garage."),
        (2, "S'il en reste, je veux bien quelques petits pour les livres."),
    ),
    (
        (
            0,
            "Vous passez par un expert-comptable ? Je ne sais pas si ça vaut le coup en micro-entreprise.",
        ),
        (1, "En micro, je m'en passe très bien. La compta est simple."),
        (
            2,
            "Moi je suis passé en société, et là un comptable est indispensable. Le mien est à {town}, très réactif.",
        ),
        (
            3,
            "La CCI propose aussi des rendez-vous gratuits pour faire le point sur son statut.",
        ),
        (0, "Bonne idée, je vais commencer par là."),
    ),
    (
        (0, "Vous avez ouvert votre compte pro dans une banque locale ou en ligne ?"),
        (1, "En ligne, c'est moins cher, et ça suffit pour mon activité."),
        (2, "Moi dans une agence locale, le conseiller m'a bien aidé pour mon prêt."),
        (
            0,
            "Je crois que je vais faire les deux : un compte en ligne au quotidien et une agence locale pour les projets.",
        ),
    ),
    (
        (
            0,
            "Mes parents viennent nous voir en août, vous connaissez un gîte sympa près de {commune} ?",
        ),
        (
            1,
            "Il y en a un très joli à la sortie du village, avec piscine. Je demande le contact à ma voisine.",
        ),
        (2, "Réserve vite, en août tout est plein avec les festivals."),
        (0, "Merci, je regarde dès ce soir."),
    ),
    (
        (
            0,
            "C'est la saison de la chasse, je peux encore aller marcher dans les bois ?",
        ),
        (
            1,
            "Oui, mais porte quelque chose d'orange ou de jaune fluo, et reste sur les chemins.",
        ),
        (
            2,
            "Les battues ont souvent lieu le week-end. Si tu vois un panneau « chasse en cours », change d'itinéraire.",
        ),
        (3, "La mairie peut te dire quels jours on chasse sur la commune."),
        (0, "Merci pour ces conseils, je n'y connaissais rien."),
    ),
    (
        (0, "{@1} tu m'avais parlé d'un électricien, tu as toujours son numéro ?"),
        (1, "Oui, je te l'envoie tout de suite en privé."),
        (0, "Merci !"),
    ),
    (
        (
            0,
            "Aucun réseau mobile dans la maison, seulement dans le jardin. Vous avez une solution ?",
        ),
        (
            1,
            "Active les appels wifi sur ton téléphone, si ton opérateur le permet. Ça a tout changé chez nous.",
        ),
        (0, "Je ne savais même pas que ça existait, je teste ce soir."),
        (0, "Ça marche ! Merci {name1}."),
    ),
    (
        (
            0,
            "Notre chauffe-eau ne chauffe plus. Un plombier chauffagiste réactif autour de {town} ?",
        ),
        (
            1,
            "Vérifie d'abord le disjoncteur du chauffe-eau dans le tableau, il saute souvent après un orage.",
        ),
        (0, "Bien vu, il avait sauté ! Eau chaude revenue."),
        (1, "Ça fait plaisir quand c'est aussi simple 😄"),
    ),
    (
        (0, "Je veux créer ma micro-entreprise, par où je commence ?"),
        (
            1,
            "La déclaration se fait en ligne sur le guichet unique, c'est gratuit. Méfie-toi des sites qui font payer.",
        ),
        (
            2,
            "Renseigne-toi sur l'ACRE, si tu y as droit ça réduit les cotisations au début.",
        ),
        (
            3,
            "Et la CCI organise des réunions d'information pour les créateurs, c'est très utile.",
        ),
        (0, "Merci pour tout ça, je m'y mets !"),
    ),
    (
        (
            0,
            "Quelqu'un aurait une grande échelle à prêter ? Des tuiles ont bougé avec le vent.",
        ),
        (
            1,
            "Attention, monter sur le toit seul, c'est risqué. Un couvreur serait plus prudent.",
        ),
        (
            0,
            "Je veux juste regarder les dégâts depuis la gouttière, pas monter sur le toit.",
        ),
        (
            2,
            "J'ai une échelle de 6 mètres, je peux te l'apporter {day}. Et je reste pour la tenir.",
        ),
        (0, "Génial, merci {name2} !"),
    ),
    (
        (
            0,
            "Merci à ceux qui m'ont conseillé le relais petite enfance : on a trouvé une assistante maternelle à deux kilomètres !",
        ),
        (1, "Trop bien ! Le petit s'adapte ?"),
        (0, "Il pleure un peu le matin, mais il rit quand je viens le chercher 🙂"),
    ),
    (
        (0, "Un nid de frelons asiatiques dans le cerisier, qui appeler ?"),
        (
            1,
            "Une entreprise spécialisée. La mairie a parfois une liste, et certaines communes participent aux frais.",
        ),
        (2, "Surtout, n'essaie pas de le détruire toi-même !"),
        (0, "Promis, j'appelle la mairie demain matin."),
    ),
    (
        (
            0,
            "Comment ça marche pour le bus scolaire ? On habite à trois kilomètres de l'école.",
        ),
        (
            1,
            "Il faut inscrire les enfants en ligne auprès de la Région, les inscriptions ouvrent au début de l'été.",
        ),
        (
            2,
            "En cours d'année c'est possible aussi, appelle directement le service des transports scolaires.",
        ),
        (0, "Merci, je m'en occupe."),
    ),
    (
        (
            0,
            "{@2} tu es dans quelle banque pour ton compte pro ? Tu avais l'air contente.",
        ),
        (
            1,
            "Je réponds pour elle, on est dans la même : l'agence de {town}, la conseillère est top.",
        ),
        (2, "Confirmé ! Elle connaît bien les indépendants, ça change tout."),
        (0, "Je prends rendez-vous alors, merci à vous deux."),
    ),
    (
        (0, "Première maison avec une fosse septique, on doit faire quoi exactement ?"),
        (
            1,
            "Une vidange régulière, en général tous les quatre ans environ, selon l'usage.",
        ),
        (
            2,
            "Et le service d'assainissement de la communauté de communes passe faire un contrôle de temps en temps.",
        ),
        (0, "Et au quotidien, on l'entretient comment ?"),
        (1, "Pas de produits agressifs, pas de lingettes. C'est surtout du bon sens."),
    ),
    (
        (0, "Un centre de contrôle technique pas trop loin de {commune} ?"),
        (1, "Il y en a un à {town}, on a souvent un rendez-vous dans la semaine."),
        (0, "Parfait, merci 👍"),
    ),
    (
        (
            0,
            "L'herbe fait un mètre de haut dans le pré. Je loue une débroussailleuse ou quelqu'un en prête une ?",
        ),
        (
            1,
            "Je peux te prêter la mienne, mais pour un grand pré, demande plutôt à un agriculteur voisin de passer le broyeur.",
        ),
        (2, "C'est ce qu'on a fait, en échange d'un bon repas 😄"),
        (0, "J'adore ce système, je vais demander au voisin."),
    ),
    (
        (0, "Un dentiste qui prend de nouveaux patients autour de {town} ?"),
        (1, "Le cabinet près du marché, j'ai eu un rendez-vous en trois semaines."),
        (0, "C'est rapide pour le coin, merci !"),
    ),
    (
        (
            0,
            "Plus de courant dans la moitié de la maison depuis ce matin, le disjoncteur saute dès que je le remets.",
        ),
        (
            1,
            "Débranche tout dans ces pièces, remets le disjoncteur, puis rebranche appareil par appareil pour trouver le coupable.",
        ),
        (0, "C'était la bouilloire ! Incroyable."),
        (2, "Classique 😅 Bon réflexe, {name1}."),
    ),
    (
        (
            0,
            "On cherche un gîte pour loger huit personnes à Noël près de {commune}. Des idées ?",
        ),
        (
            1,
            "Regarde les gîtes de groupe, il y en a quelques-uns dans d'anciennes fermes du coin.",
        ),
        (2, "L'office de tourisme de {town} a une liste à jour, ils m'ont bien aidée."),
        (0, "Merci, je les appelle dès lundi."),
    ),
    (
        (0, "J'ai un client en Belgique, comment je le facture sans TVA ?"),
        (
            1,
            "Il te faut un numéro de TVA intracommunautaire, tu le demandes à ton service des impôts des entreprises.",
        ),
        (
            2,
            "Et tu mets la mention d'autoliquidation sur la facture. Je peux t'envoyer un modèle.",
        ),
        (0, "Oui, merci {name2}, ce serait super."),
    ),
    (
        (0, "Pharmacie de garde ce dimanche autour de {commune}, quelqu'un sait ?"),
        (
            1,
            "Appelle le 3237, ou regarde l'affiche sur la porte de la pharmacie la plus proche.",
        ),
        (0, "Trouvé, merci !"),
    ),
    (
        (0, "{@1} ton producteur de bois, il livre jusqu'à {commune} ?"),
        (
            1,
            "Oui, il livre dans tout le secteur. Il faut juste que le camion puisse passer.",
        ),
        (0, "Le chemin est étroit, mais ça devrait aller."),
        (1, "Je lui donne ton numéro, il t'appellera pour voir ça."),
    ),
    (
        (0, "On déménage dans un village du sud du Gers, quelle box choisir ?"),
        (
            1,
            "Ça dépend de l'adresse exacte : teste l'éligibilité à la fibre, puis la 4G des différents opérateurs.",
        ),
        (
            2,
            "Demande aussi aux voisins, ils savent toujours quel réseau passe dans la rue.",
        ),
        (0, "Bonne idée, j'irai me présenter en même temps."),
    ),
    (
        (0, "Qui a un bon ramoneur ? Le dernier n'est jamais venu."),
        (
            1,
            "Celui de {town} est très fiable. Il passe dans les quinze jours en général.",
        ),
        (0, "Merci, je l'appelle."),
        (
            0,
            "Petit retour : il est venu hier, travail propre et certificat fourni. Merci encore !",
        ),
    ),
    (
        (
            0,
            "Vous avez une assurance responsabilité civile pro ? Pour du conseil, c'est obligatoire ?",
        ),
        (1, "Pas toujours, mais certains clients la demandent dans leur contrat."),
        (
            2,
            "J'ai comparé trois devis, les prix varient beaucoup. Prends le temps de lire les garanties.",
        ),
        (0, "D'accord, je vais demander des devis."),
    ),
    (
        (
            0,
            "Mes petits-enfants viennent la semaine prochaine, quelqu'un aurait un lit parapluie et un siège auto à prêter ?",
        ),
        (1, "{@0} j'ai un lit parapluie au grenier, il est à toi pour la semaine."),
        (2, "Et moi un siège auto pour un enfant de deux à quatre ans, ça ira ?"),
        (0, "Parfait pour la petite ! Vous êtes formidables."),
    ),
    (
        (
            0,
            "Question bête : le ramassage des poubelles, c'est quel jour à {commune} ?",
        ),
        (
            1,
            "Le {day} matin pour les ordures ménagères, et tous les quinze jours pour le tri.",
        ),
        (
            2,
            "Le calendrier est sur le site de la communauté de communes. Sors les bacs la veille au soir.",
        ),
        (0, "Merci, ça m'évitera de le rater encore 😅"),
    ),
]

COMMITTEE = [
    # Accueil d'une famille qui arrive le mois prochain
    (
        (
            0,
            "Bonne nouvelle : la famille qui avait visité cet automne confirme, ils arrivent le mois prochain 🙂",
        ),
        (1, "Super ! Ils ont combien d'enfants déjà ?"),
        (
            0,
            "Deux, 7 et 10 ans. Lui est développeur, elle est graphiste, tous les deux en télétravail.",
        ),
        (
            2,
            "Je peux leur déposer un panier de légumes du jardin le jour de l'arrivée.",
        ),
        (1, "Bonne idée. Et on leur prépare la liste des numéros utiles ?"),
        (0, "Oui, je m'en occupe ce week-end."),
    ),
    (
        (
            0,
            "Pour la famille qui arrive le mois prochain, qui veut être leur binôme d'accueil ?",
        ),
        (1, "Moi je veux bien, on habite à deux rues de la maison qu'ils louent."),
        (2, "Parfait. {name1}, tu leur envoies un petit mot avant leur arrivée ?"),
        (1, "Oui, je leur écris {day}."),
    ),
    (
        (
            0,
            "La maman de la famille qui arrive m'a demandé s'il y avait une nounou dans le coin pour le petit.",
        ),
        (1, "Il y a deux assistantes maternelles au village, la mairie a la liste."),
        (2, "Et la micro-crèche de {town} a parfois des places en cours d'année."),
        (0, "Merci, je lui transmets les deux pistes."),
    ),
    (
        (0, "{@1} tu sais si la famille a besoin d'aide pour décharger le jour J ?"),
        (1, "Ils ont un déménageur, mais ils arrivent tard le soir."),
        (2, "On pourrait leur laisser de quoi dîner, ils seront crevés."),
        (3, "Je fais une quiche et une salade, ça vous va ?"),
        (
            1,
            "Top, je les préviens qu'il y aura un petit quelque chose dans le frigo 😅",
        ),
    ),
    # Apéritif de bienvenue
    (
        (
            0,
            "On cale l'apéro de bienvenue quand ? Je propose le samedi après leur arrivée.",
        ),
        (1, "Samedi ça me va. Vers 18h ?"),
        (2, "18h30 plutôt, le marché de {town} finit tard."),
        (0, "Va pour 18h30 alors 👍"),
    ),
    (
        (0, "Liste pour l'apéro : qui apporte quoi ?"),
        (1, "Je fais des toasts au magret."),
        (2, "Moi le floc et des jus pour les enfants."),
        (3, "Je peux faire une tarte aux pommes, ou c'est trop pour un apéro ?"),
        (0, "Jamais trop 😄 Il manque juste des gobelets et des serviettes."),
        (3, "Je passe au supermarché {day}, je les prends."),
    ),
    (
        (0, "Il pleut samedi d'après la météo, on garde l'apéro dehors ?"),
        (
            1,
            "Je dirais repli dans la salle des fêtes, ça évite les mauvaises surprises.",
        ),
        (0, "Ok, je demande la clé à la mairie."),
    ),
    (
        (0, "Merci à tous pour l'apéro d'hier, les nouveaux étaient ravis !"),
        (1, "Oui, très sympa. Leur fils a déjà trouvé un copain de foot 🙂"),
        (
            2,
            "Il reste deux bouteilles de jus et des chips, je les garde pour la prochaine fois.",
        ),
        (0, "Parfait, merci {name2}."),
    ),
    (
        (
            0,
            "On invite aussi les voisins de la famille à l'apéro ? Ça les aiderait à faire connaissance.",
        ),
        (1, "Oui, surtout le couple d'à côté, ils sont adorables."),
        (
            2,
            "Attention à ne pas faire trop de monde d'un coup, ils risquent d'être un peu noyés.",
        ),
        (0, "Juste les voisins proches alors, une dizaine de personnes en tout."),
    ),
    # Clé de la salle des fêtes
    (
        (0, "Quelqu'un a encore la clé de la salle des fêtes ? La mairie la réclame."),
        (1, "Oups, c'est moi 😅 Je la ramène demain matin."),
        (0, "Merci ! Ils en ont besoin pour le club de gym {day}."),
    ),
    (
        (
            0,
            "Pour récupérer la clé de la salle des fêtes, il faut passer avant midi, la mairie ferme l'après-midi.",
        ),
        (1, "Je peux y aller {day} matin."),
        (
            2,
            "Pense à signer le cahier de prêt, sinon la secrétaire va encore nous le rappeler.",
        ),
        (1, "Promis 🙂"),
    ),
    (
        (0, "{@2} c'est toi qui fais l'état des lieux de la salle samedi soir ?"),
        (1, "Je croyais que c'était {name2}."),
        (2, "Oui c'est moi, je serai là à 23h pour fermer."),
        (0, "Merci, n'oublie pas de couper le chauffage, la mairie y tient."),
        (2, "Noté 👍"),
    ),
    # La mairie
    (
        (
            0,
            "J'ai vu le maire ce matin, il aimerait qu'on présente le comité au prochain conseil municipal.",
        ),
        (1, "Bonne idée, ça nous donnera de la visibilité."),
        (2, "Je peux préparer deux ou trois diapos avec les chiffres de l'année."),
        (0, "Parfait, c'est {day} en huit à 20h30."),
    ),
    (
        (
            0,
            "La mairie peut nous imprimer les flyers gratuitement si on fournit le fichier.",
        ),
        (1, "Génial, ça nous fait une vraie économie."),
        (0, "Il faut juste leur envoyer avant la fin de la semaine."),
    ),
    (
        (
            0,
            "Les nouveaux arrivants doivent s'inscrire sur les listes électorales, on leur rappelle ?",
        ),
        (1, "Oui, et pour la cantine aussi, c'est en mairie que ça se passe."),
        (2, "Je mets ça dans le petit guide d'accueil."),
    ),
    (
        (0, "La secrétaire de mairie part en congé deux semaines."),
        (1, "Donc pas de permanence le samedi matin ?"),
        (0, "Non, il faudra appeler la mairie de {town} en cas d'urgence."),
        (2, "Je le mets sur le groupe des nouveaux, merci pour l'info."),
    ),
    # Le marché
    (
        (0, "Qui vient au marché {day} ? On pourrait y emmener les nouveaux."),
        (1, "Moi ! Je passe les prendre à 9h."),
        (2, "Je vous rejoins au stand du fromager vers 10h."),
    ),
    (
        (
            0,
            "Le maraîcher du marché cherche quelqu'un pour l'aider à faire son site, ça intéresserait un de nos télétravailleurs ?",
        ),
        (1, "Je pense à la graphiste arrivée cet été, je lui transmets."),
        (0, "Super, c'est exactement le genre de lien qu'on aime créer 🙂"),
    ),
    (
        (
            0,
            "On pourrait tenir une petite table au marché un dimanche pour présenter le comité ?",
        ),
        (1, "Il faut demander au placier, c'est lui qui gère les emplacements."),
        (2, "Je le connais bien, je lui en parle dimanche."),
        (0, "Merci !"),
    ),
    (
        (0, "Le marché de nuit de cet été, on le refait ?"),
        (1, "Carrément, c'était le meilleur moment de l'été."),
        (2, "Il faudra plus de tables cette fois, on a manqué de places assises."),
        (3, "Je peux demander celles de l'école."),
        (0, "Bon, on en reparle à la prochaine réunion."),
    ),
    # Covoiturage vers la rencontre du réseau
    (
        (0, "Covoiturage pour la rencontre du réseau à {town} : qui a de la place ?"),
        (1, "J'ai trois places, départ de l'église à 17h30."),
        (2, "Je prends une place 🙋"),
        (3, "Moi aussi, si ça va."),
        (1, "Parfait, il me reste une place."),
    ),
    (
        (0, "{@1} tu peux toujours me déposer pour la rencontre du réseau {day} ?"),
        (1, "Oui bien sûr, je passe chez toi vers 18h."),
        (0, "Merci, ma voiture est au garage de la route d'Auch jusqu'à vendredi."),
    ),
    (
        (
            0,
            "Quelqu'un rentre tôt de la rencontre du réseau ? Je dois récupérer mon fils à 21h.",
        ),
        (1, "Je repars vers 20h30, tu peux rentrer avec moi."),
        (0, "Top, merci !"),
    ),
    (
        (
            0,
            "Pour la rencontre du réseau, on emmène les deux nouveaux ? Ils n'ont jamais vu les autres comités.",
        ),
        (1, "Oui, c'est une bonne occasion pour eux de rencontrer du monde."),
        (2, "Je leur propose de monter avec moi."),
        (0, "Parfait, je les préviens ce soir."),
    ),
    # Fête du village
    (
        (
            0,
            "Réunion pour la fête du village {day} soir chez moi, 20h. Apportez vos idées !",
        ),
        (1, "Je viendrai avec le bilan de l'an dernier."),
        (2, "Je serai un peu en retard, commencez sans moi."),
    ),
    (
        (
            0,
            "Pour la fête du village, le comité des fêtes nous demande de tenir la buvette.",
        ),
        (1, "Toute la soirée ? Ça fait long."),
        (0, "On peut faire des créneaux de deux heures."),
        (2, "Je prends 19h-21h."),
        (3, "Et moi 21h-23h."),
        (1, "Ok, je fais le dernier créneau alors."),
        (4, "Et moi je reste en renfort toute la soirée, au cas où 😉"),
    ),
    (
        (
            0,
            "Vous pensez que les nouveaux voudront participer au repas de la fête du village ?",
        ),
        (
            1,
            "C'est le meilleur moyen de s'intégrer, on devrait les inscrire d'office 😄",
        ),
        (2, "Je leur en parle, mais sans forcer."),
    ),
    (
        (0, "Le feu d'artifice de la fête du village est confirmé pour samedi soir 🎆"),
        (1, "Super, on prévoit des couvertures pour s'asseoir dans le pré ?"),
        (2, "J'en ai plein, je les amène."),
        (3, "Et n'oubliez pas les lampes de poche pour le retour."),
    ),
    (
        (
            0,
            "Il nous faut deux bénévoles pour ranger les tables dimanche matin après la fête.",
        ),
        (1, "Je suis là à 9h."),
        (2, "Moi aussi, mais pas avant 10h, désolé 😅"),
        (0, "Ça marche, on commencera sans toi."),
    ),
    # Visite d'une maison pour des nouveaux
    (
        (
            0,
            "Une maison se libère à la sortie de {commune}, elle pourrait convenir à un couple qui cherche.",
        ),
        (1, "Combien de chambres ?"),
        (0, "Trois, avec un grand jardin et un bureau au rez-de-chaussée."),
        (2, "Parfait pour du télétravail. Tu as le contact du propriétaire ?"),
        (0, "Oui, je vous l'envoie en privé."),
    ),
    (
        (
            0,
            "Qui peut accompagner le couple de Nantes pour la visite de la maison {day} ?",
        ),
        (1, "Je peux, je connais bien le quartier."),
        (
            2,
            "Pense à leur montrer où passe la fibre, c'est leur première question à chaque fois.",
        ),
        (1, "Oui, je vérifie avant."),
    ),
    (
        (
            0,
            "Retour de la visite : la maison leur plaît, mais le chauffage au fioul les inquiète.",
        ),
        (
            1,
            "Ils peuvent demander un devis pour une pompe à chaleur, il y a des aides.",
        ),
        (
            2,
            "Je leur passe le numéro de l'espace conseil de la communauté de communes.",
        ),
        (0, "Merci, je leur transmets tout ça."),
    ),
    (
        (0, "{@1} la maison du lavoir est toujours disponible ?"),
        (1, "Non, elle a été louée la semaine dernière."),
        (0, "Dommage, elle aurait été idéale pour la famille qui cherche."),
        (2, "Il y a peut-être celle près de l'école, je me renseigne."),
    ),
    # Prêt d'une camionnette pour un déménagement
    (
        (
            0,
            "Quelqu'un aurait une camionnette à prêter samedi ? Les nouveaux arrivants ont un dernier voyage à faire.",
        ),
        (1, "Mon beau-frère a un utilitaire, je lui demande."),
        (0, "Merci, ils rembourseront le gasoil bien sûr."),
        (1, "Il est d'accord, il la laisse devant chez lui vendredi soir 👍"),
    ),
    (
        (0, "La camionnette de la commune peut être prêtée aux associations ?"),
        (
            1,
            "Oui, mais seulement pour des activités de l'asso, pas pour un déménagement privé.",
        ),
        (0, "D'accord, on trouvera une autre solution alors."),
    ),
    (
        (
            0,
            "Déménagement terminé ! Merci à tous ceux qui sont venus porter des cartons 💪",
        ),
        (1, "Avec plaisir, leur piano n'était pas si lourd finalement 😄"),
        (2, "Parle pour toi, j'ai encore mal au dos."),
        (3, "Ils nous invitent à dîner la semaine prochaine pour nous remercier."),
    ),
    (
        (0, "Pour le déménagement de samedi, il faudra combien de bras ?"),
        (1, "Quatre ou cinq, il y a surtout des meubles lourds."),
        (2, "Je peux venir le matin seulement."),
        (3, "Moi toute la journée."),
        (0, "Ça devrait suffire, merci !"),
    ),
    # Ramassage scolaire
    (
        (
            0,
            "Les nouveaux m'ont demandé comment fonctionne le ramassage scolaire pour le collège.",
        ),
        (1, "Il faut s'inscrire sur le site de la région, c'est assez rapide."),
        (2, "Le car passe à 7h20 devant l'église, c'est tôt mais pratique."),
        (0, "Merci, je leur envoie les infos."),
    ),
    (
        (
            0,
            "Le bus scolaire ne passe plus par le hameau depuis la rentrée, vous étiez au courant ?",
        ),
        (1, "Non ! Les enfants doivent marcher jusqu'à la départementale ?"),
        (0, "Oui, presque un kilomètre sans trottoir."),
        (2, "Il faut en parler au maire, ce n'est pas normal."),
        (1, "Je lui écris un mail ce soir."),
    ),
    (
        (
            0,
            "Bonne nouvelle, la région rétablit l'arrêt du bus au hameau à partir de lundi 🎉",
        ),
        (1, "Ah super, les parents vont être soulagés."),
        (2, "Comme quoi, ça valait le coup d'insister."),
    ),
    (
        (
            0,
            "{@2} ta fille prend le bus scolaire le mercredi ? La petite des nouveaux aimerait ne pas être seule.",
        ),
        (1, "Bonne idée, ça la rassurerait."),
        (2, "Oui, elle le prend tous les jours, elle lui gardera une place 🙂"),
    ),
    # Bulletin municipal
    (
        (
            0,
            "Le bulletin municipal nous réserve une demi-page dans le prochain numéro.",
        ),
        (1, "On pourrait présenter les familles arrivées cette année."),
        (2, "À condition qu'elles soient d'accord, bien sûr."),
        (0, "Je leur demande et je rédige un premier jet."),
    ),
    (
        (
            0,
            "Voici le texte pour le bulletin municipal, vous pouvez relire ? Je l'ai mis dans le dossier partagé.",
        ),
        (1, "C'est très bien, juste une faute à la troisième ligne."),
        (
            2,
            "Je mettrais une photo de l'apéro de bienvenue plutôt que celle du marché.",
        ),
        (0, "Corrigé et photo changée, merci 👍"),
    ),
    (
        (0, "Le bulletin municipal est sorti, notre article est en page 4 !"),
        (1, "Je l'ai reçu dans la boîte aux lettres ce matin, il rend bien."),
        (2, "On voit même le comité au complet sur la photo 😄"),
    ),
    # Compte rendu de la dernière réunion
    (
        (
            0,
            "Le compte rendu de la dernière réunion est en ligne, merci de le relire avant {day}.",
        ),
        (1, "Lu, rien à ajouter."),
        (2, "Il manque la décision sur le budget de la fête, je crois."),
        (0, "Bien vu, je l'ajoute."),
    ),
    (
        (0, "Qui prend les notes à la réunion de ce soir ?"),
        (1, "Je l'ai fait la dernière fois, quelqu'un d'autre ?"),
        (2, "Je m'y colle 🙂"),
    ),
    (
        (
            0,
            "Dans le compte rendu, on avait bien voté pour acheter une nouvelle banderole ?",
        ),
        (1, "Oui, avec un budget de 150 euros maximum."),
        (0, "Parfait, je commande cette semaine."),
    ),
    (
        (0, "{@1} tu pourras envoyer le compte rendu aux membres absents ?"),
        (1, "Oui, je l'envoie par mail ce soir."),
        (2, "Et pensez à le mettre aussi sur le tableau d'affichage de la mairie."),
        (1, "Je l'imprime et je le dépose demain."),
    ),
    # Un référent demande des bénévoles
    (
        (
            0,
            "Le référent de la CCI cherche trois bénévoles pour accueillir un groupe de télétravailleurs en visite le mois prochain.",
        ),
        (1, "Sur une journée entière ?"),
        (0, "Une matinée : tour du village, café et questions-réponses."),
        (2, "Je suis partante."),
        (3, "Moi aussi, si c'est un samedi."),
    ),
    (
        (
            0,
            "Notre référent demande si quelqu'un peut témoigner à la réunion d'info de {town}.",
        ),
        (1, "Je veux bien raconter notre installation il y a deux ans."),
        (0, "Génial, je lui donne ton contact."),
    ),
    (
        (
            0,
            "Le référent du réseau cherche des volontaires pour parrainer un couple qui arrive seul, sans enfants.",
        ),
        (1, "On est un peu justes en ce moment, mais on peut les inviter à dîner."),
        (2, "Je peux être leur contact principal, j'ai du temps en ce moment."),
        (0, "Merci {name2}, je te mets en relation."),
    ),
    (
        (
            0,
            "Petit rappel du référent : il manque encore deux bénévoles pour le forum.",
        ),
        (1, "Je peux faire l'après-midi."),
        (2, "Moi le matin, si personne d'autre."),
        (0, "Complet alors, merci à vous deux !"),
    ),
    # La boulangerie, le restaurant
    (
        (0, "La boulangerie ferme deux semaines en août, il faudra aller à {town}."),
        (1, "Ou au dépôt de pain de l'épicerie, ils prennent les commandes la veille."),
        (0, "Bon à savoir, merci !"),
    ),
    (
        (
            0,
            "On se fait un resto entre membres du comité pour fêter la fin de saison ?",
        ),
        (1, "Oui ! Le restaurant de la place fait un menu du jour très correct."),
        (2, "Ils ont aussi une belle terrasse, si le temps le permet."),
        (0, "Je réserve pour vendredi soir, combien on sera ?"),
        (1, "Compte-nous deux."),
        (3, "Et moi un."),
        (4, "On sera deux aussi, merci pour l'organisation !"),
    ),
    (
        (
            0,
            "La boulangère demandait si on pouvait laisser des flyers du comité chez elle.",
        ),
        (1, "Bien sûr, je lui en dépose demain en achetant mon pain."),
        (0, "Merci, elle voit passer tout le village, c'est idéal."),
    ),
    (
        (
            0,
            "Le petit restaurant de {commune} cherche un serveur pour l'été, ça peut intéresser un de nos nouveaux ?",
        ),
        (1, "Le fils des nouveaux cherche justement un job d'été."),
        (2, "Je lui en parle, il a dix-huit ans, ça pourrait coller."),
    ),
    # Marche sur le chemin de Compostelle
    (
        (
            0,
            "Balade sur le chemin de Compostelle dimanche matin, départ 9h devant la mairie 🥾",
        ),
        (1, "Super ! Ça fait combien de kilomètres ?"),
        (0, "Une douzaine, avec une pause pique-nique à mi-chemin."),
        (2, "Les enfants peuvent venir ?"),
        (0, "Bien sûr, le parcours est facile."),
    ),
    (
        (
            0,
            "Pour la marche sur le chemin de Compostelle, prévoyez de bonnes chaussures, ça risque d'être boueux après la pluie.",
        ),
        (1, "Et de l'eau, il n'y a pas de fontaine sur le parcours."),
        (2, "Je ramène des fruits secs pour tout le monde."),
    ),
    (
        (
            0,
            "Merci pour la marche de ce matin, on a croisé des pèlerins qui venaient de Suisse !",
        ),
        (1, "Ils étaient partis depuis un mois, impressionnant."),
        (2, "Les nouveaux ont adoré, ils veulent refaire une étape le mois prochain."),
        (0, "On pourrait en faire une sortie régulière."),
    ),
    (
        (
            0,
            "{@1} tu connais le tronçon du chemin de Compostelle entre le village et {town} ?",
        ),
        (1, "Oui, il est superbe, surtout la montée vers la chapelle."),
        (0, "Tu pourrais le guider pour la prochaine sortie du comité ?"),
        (1, "Avec plaisir 🙂"),
    ),
    # Stand au forum des associations
    (
        (
            0,
            "Le forum des associations, c'est samedi prochain. Qui tient notre stand ?",
        ),
        (1, "Je peux être là de 10h à midi."),
        (2, "Je prends l'après-midi."),
        (0, "Merci ! Je ferai le montage à 9h."),
    ),
    (
        (
            0,
            "Pour le stand au forum des associations, on a besoin d'une table, deux chaises et de la banderole.",
        ),
        (1, "La banderole est dans mon garage."),
        (2, "J'apporte des photos imprimées de nos événements, ça attire l'œil."),
        (3, "Et quelques bonbons pour les enfants, ça marche à tous les coups 😄"),
        (4, "Je peux ramener mon thermos de café pour les bénévoles."),
    ),
    (
        (
            0,
            "Bilan du forum : une quinzaine de contacts, et deux personnes intéressées pour rejoindre le comité !",
        ),
        (1, "Excellent, bien mieux que l'an dernier."),
        (2, "On les invite à la prochaine réunion ?"),
        (0, "Oui, je leur écris cette semaine."),
    ),
    (
        (0, "Le forum des associations est déplacé à la salle de {town} cette année."),
        (1, "Ah, il faudra covoiturer pour le matériel."),
        (2, "Mon break peut tout prendre, table comprise."),
        (0, "Parfait, on charge chez toi à 8h30."),
    ),
    # Premier hiver d'un nouvel arrivant
    (
        (
            0,
            "Les nouveaux trouvent l'hiver un peu long, ils ne connaissaient personne avant l'automne.",
        ),
        (1, "On pourrait organiser une soirée jeux à la salle des fêtes."),
        (2, "Ou une soupe partagée, c'est convivial et ça réchauffe."),
        (0, "Les deux ! Une soupe et des jeux 🙂"),
    ),
    (
        (
            0,
            "Petit conseil pour les nouveaux : commander le bois de chauffage tôt, sinon il n'y en a plus en décembre.",
        ),
        (
            1,
            "Et garder du pain au congélateur et quelques conserves, au cas où la route serait gelée.",
        ),
        (0, "Je l'ajoute au guide d'accueil, section hiver."),
    ),
    (
        (
            0,
            "{@2} la famille du hameau n'a plus de chauffage, tu sais qui peut dépanner une chaudière rapidement ?",
        ),
        (1, "Le chauffagiste de {town} est très réactif."),
        (2, "Je leur prête mon radiateur d'appoint en attendant."),
        (0, "Merci, je leur dis de l'appeler ce matin."),
    ),
    (
        (0, "Première neige à {commune} ce matin ❄️"),
        (
            1,
            "Les nouveaux doivent être surpris, ils pensaient qu'il faisait toujours doux dans le Gers 😄",
        ),
        (2, "Ça fond dans deux heures de toute façon."),
        (
            3,
            "Les enfants de {commune} sont déjà en train de faire un bonhomme de neige.",
        ),
    ),
    # Problème de box internet dans un hameau
    (
        (
            0,
            "Au hameau, internet coupe plusieurs fois par jour, c'est compliqué pour les télétravailleurs.",
        ),
        (1, "Ils ont signalé le problème à leur opérateur ?"),
        (0, "Oui, mais on leur annonce trois semaines de délai."),
        (
            2,
            "En attendant, ils peuvent venir travailler à l'espace de coworking de {town}.",
        ),
        (1, "Ou chez moi, j'ai un bureau libre."),
    ),
    (
        (0, "Le raccordement à la fibre du hameau est prévu pour quand ?"),
        (1, "La mairie parle du printemps, mais rien n'est sûr."),
        (
            2,
            "On pourrait faire un courrier commun des habitants pour accélérer les choses.",
        ),
        (0, "Bonne idée, je le rédige."),
    ),
    (
        (
            0,
            "Astuce pour ceux du hameau : une box 4G en secours, ça dépanne bien en attendant la fibre.",
        ),
        (1, "Le réseau est correct là-haut ?"),
        (0, "Près du lavoir oui, deux barres au moins."),
    ),
    (
        (
            0,
            "Bonne nouvelle : le technicien est passé, la ligne du hameau est enfin réparée 🎉",
        ),
        (1, "Ouf, ils vont pouvoir reprendre leurs visios tranquillement."),
        (2, "Ils avaient failli perdre un client à cause de ça."),
        (0, "Heureusement que le courrier à la mairie a fait bouger les choses."),
    ),
    # Artisan du coin recommandé
    (
        (
            0,
            "Quelqu'un connaît un bon électricien dans le coin ? Les nouveaux ont une installation à refaire.",
        ),
        (
            1,
            "L'électricien de {town} a refait toute ma maison, travail propre et prix honnête.",
        ),
        (0, "Tu as son numéro ?"),
        (1, "Je te l'envoie en privé."),
    ),
    (
        (
            0,
            "Le menuisier de {commune} a fait un super travail sur nos volets, je le recommande.",
        ),
        (1, "Il fait aussi les escaliers ?"),
        (0, "Oui, il m'a montré des photos de ses chantiers, c'est très soigné."),
    ),
    (
        (0, "{@1} le plombier que tu m'avais conseillé est passé, nickel !"),
        (1, "Ah tant mieux, il est toujours ponctuel."),
        (2, "Je note, j'ai une fuite sous l'évier à faire réparer."),
    ),
    (
        (
            0,
            "On pourrait faire une liste des artisans recommandés par les membres, pour les nouveaux ?",
        ),
        (1, "Oui, mais uniquement des avis vécus, pas de pub."),
        (2, "Je lance un document partagé, chacun ajoute les siens."),
        (0, "Parfait, je commence par le maçon qui a refait mon mur."),
    ),
    # Photos du dernier événement
    (
        (0, "Vous pouvez déposer vos photos de la fête dans le dossier partagé ?"),
        (1, "C'est fait, une trentaine 📸"),
        (2, "J'ai quelques vidéos aussi, je les ajoute ce soir."),
        (0, "Merci, on fera un petit diaporama pour la prochaine réunion."),
    ),
    (
        (
            0,
            "Avant de publier les photos de l'apéro, il faut l'accord des personnes qu'on voit dessus.",
        ),
        (1, "Surtout pour les enfants, on floute les visages."),
        (0, "Oui, je m'occupe de demander."),
    ),
    (
        (0, "La photo de groupe de la marche est superbe, qui l'a prise ?"),
        (1, "C'est {name2}, avec le retardateur 😄"),
        (2, "Il a fallu trois essais, le téléphone glissait du rocher."),
    ),
    (
        (
            0,
            "J'ai imprimé les plus belles photos du dernier événement pour le tableau d'affichage.",
        ),
        (1, "Elles sont magnifiques, les nouveaux vont adorer se voir dessus."),
        (2, "On en garde quelques-unes pour le stand du forum ?"),
        (0, "Bien sûr, j'en ai fait deux jeux."),
    ),
]

DIRECT = [
    (
        (
            0,
            "Salut {name1} ! Ça te dit un café {day} matin ? Ça fait un moment qu'on ne s'est pas vus.",
        ),
        (1, "Avec plaisir ! Vers 10 h au bar de la place ?"),
        (0, "Parfait, à {day} 🙂"),
    ),
    (
        (0, "Hello, tu manges où ce midi ?"),
        (1, "Rien de prévu, je pensais me faire une salade devant l'écran 😅"),
        (0, "Viens plutôt au restaurant du marché, ils ont un menu du jour à 14 €."),
        (1, "Vendu. 12 h 30 ?"),
        (0, "12 h 30, je réserve pour deux."),
    ),
    (
        (0, "Bonjour {name1}, je peux te demander un petit service ?"),
        (1, "Bien sûr, dis-moi."),
        (
            0,
            "Je dois récupérer un colis au point relais de {town} mais je suis en visio tout l'après-midi. Tu passes par là ?",
        ),
        (1, "Oui, je vais à {town} vers 16 h. Envoie-moi le code de retrait."),
        (0, "Merci, tu me sauves ! Je te l'envoie tout de suite."),
    ),
    (
        (0, "Merci pour la réunion de ce matin, c'était très clair."),
        (
            1,
            "Merci à toi {name0} d'avoir pris le temps. Tu as pu noter les prochaines étapes ?",
        ),
        (
            0,
            "Oui : je t'envoie une proposition de planning d'ici {day} et on en reparle la semaine prochaine.",
        ),
        (1, "Super, ça me va."),
    ),
    (
        (
            0,
            "Salut, j'ai fini les maquettes pour le site de la fromagerie. Je te partage le lien ?",
        ),
        (1, "Oui vas-y, je regarde ce soir."),
        (
            0,
            "Il y a une version mobile et une version ordinateur. Le menu est peut-être un peu chargé.",
        ),
        (
            1,
            "J'ai regardé : c'est beau. Par contre le carrousel en page d'accueil va être lourd à charger, on peut le remplacer par une seule grande photo ?",
        ),
        (0, "Bonne remarque. Je garde laquelle, celle de la cave d'affinage ?"),
        (1, "Oui, elle est superbe. Et on gagne une bonne seconde au chargement."),
        (0, "Je modifie ça demain et je te donne le feu vert pour l'intégration 👍"),
    ),
    (
        (
            0,
            "Bonjour {name1}, on m'a dit que tu faisais de la traduction anglais-français ?",
        ),
        (1, "Oui, et aussi de l'espagnol. C'est pour quel type de texte ?"),
        (0, "Les fiches produits d'une boutique en ligne, une quarantaine environ."),
        (
            1,
            "Ça me parle bien. Tu peux m'envoyer un échantillon ? Je te fais un devis d'ici {day}.",
        ),
        (0, "Je te l'envoie par mail. Merci !"),
    ),
    (
        (
            0,
            "Question rapide : tu sais si je peux déduire une partie de mon loyer si je travaille à la maison ?",
        ),
        (1, "Ça dépend de ton statut. Tu es en micro-entreprise ?"),
        (0, "Oui."),
        (
            1,
            "Alors non, en micro tu as un abattement forfaitaire, pas de frais réels. Si tu veux on en parle autour d'un café, ce sera plus simple.",
        ),
        (0, "Avec plaisir, merci !"),
    ),
    (
        (
            0,
            "Coucou, tu serais dispo pour des photos de mon atelier ? C'est pour refaire mon site.",
        ),
        (
            1,
            "Oui, avec plaisir. Plutôt l'atelier seul, ou tu veux aussi des photos de toi au travail ?",
        ),
        (0, "Les deux si possible."),
        (
            1,
            "Alors le mieux c'est en fin de matinée, la lumière est plus douce. {day} prochain, ça t'irait ?",
        ),
        (0, "Parfait, je range l'atelier d'ici là 😅"),
    ),
    (
        (0, "Tu aurais le numéro d'un bon électricien dans le coin ?"),
        (
            1,
            "Oui, celui qui a refait mon tableau électrique l'an dernier. Sérieux et pas trop cher. Je t'envoie sa carte.",
        ),
        (0, "Merci beaucoup !"),
        (
            1,
            "Dis-lui que tu viens de ma part, il est souvent débordé mais il essaie de dépanner les gens du réseau.",
        ),
    ),
    (
        (0, "Tu vas à Auch {day} matin ? J'ai un train à 9 h 10 à la gare."),
        (1, "Je pars vers 8 h 15, ça te va ?"),
        (0, "C'est parfait. Je t'attends devant chez moi ?"),
        (1, "Ok, je klaxonne en arrivant 🙂"),
    ),
    (
        (
            0,
            "Bonjour {name1}, je sais que c'est beaucoup demander, mais tu pourrais me déposer à l'aéroport de Toulouse {day} ?",
        ),
        (1, "À quelle heure est ton vol ?"),
        (0, "14 h 20. Il faudrait partir vers 11 h."),
        (
            1,
            "Ça devrait aller, j'ai un rendez-vous à Blagnac l'après-midi de toute façon.",
        ),
        (0, "Génial ! Je participe à l'essence, bien sûr."),
        (1, "On verra ça, tu m'offriras un café à ton retour 😉"),
    ),
    (
        (0, "Je dois prendre le train à Agen {day}, tu connais quelqu'un qui y va ?"),
        (
            1,
            "Moi ! Je vais voir ma sœur là-bas ce jour-là. Ton train est à quelle heure ?",
        ),
        (0, "16 h 40."),
        (1, "Je peux te déposer à la gare vers 16 h, ça laisse de la marge."),
        (0, "Top, merci mille fois."),
    ),
    (
        (
            0,
            "Encore merci pour hier, sans toi je serais encore en train de chercher la fuite 😅",
        ),
        (1, "Avec plaisir ! Le joint tient toujours ?"),
        (0, "Oui, plus une goutte. Je te dois un apéro."),
        (1, "J'accepte volontiers 🙂"),
    ),
    (
        (
            0,
            "Bonjour {name1}, je fais partie du comité d'accueil de {commune}. Comment se passent vos premiers jours ?",
        ),
        (1, "Bonjour ! Plutôt bien, merci. Les cartons sont presque tous vidés."),
        (0, "Tant mieux. Vous avez une bonne connexion internet ?"),
        (
            1,
            "La fibre n'est pas encore arrivée dans la rue, je travaille avec une box 4G pour l'instant. Ça dépanne.",
        ),
        (
            0,
            "Si besoin, l'espace de coworking de {town} a une très bonne connexion. Je peux vous y emmener un jour.",
        ),
        (1, "Avec plaisir, merci pour l'accueil !"),
    ),
    (
        (
            0,
            "Dis, tu pourrais garder ma fille {day} soir ? J'ai un dîner avec un client à Auch.",
        ),
        (1, "Oui sans problème, elle jouera avec les miens."),
        (
            0,
            "Merci ! En échange je prends tes deux samedi après-midi, comme ça tu souffles un peu.",
        ),
        (1, "Marché conclu 👍"),
    ),
    (
        (0, "{@1} je passe déposer les clés vers 18 h, tu seras là ?"),
        (
            1,
            "Je rentre plutôt vers 18 h 30. Mets-les dans la boîte aux lettres si je ne suis pas là.",
        ),
        (0, "Ok, c'est noté."),
    ),
    (
        (0, "Tu as fini le livre sur la permaculture que je t'avais prêté ?"),
        (
            1,
            "Presque ! Il me reste deux chapitres. Je peux te le rendre la semaine prochaine ?",
        ),
        (
            0,
            "Aucun souci, prends ton temps. C'était juste pour savoir s'il t'avait plu.",
        ),
        (1, "Beaucoup. Ça m'a donné envie de refaire tout le potager 😄"),
    ),
    (
        (0, "J'ai bien reçu ton devis pour la refonte du logo, merci."),
        (1, "Avec plaisir. Il te convient ?"),
        (
            0,
            "Globalement oui. Par contre trois allers-retours de corrections, c'est un peu juste pour moi. Tu pourrais en prévoir un de plus ?",
        ),
        (1, "Oui, je peux l'ajouter sans changer le prix si on garde le même délai."),
        (0, "Parfait, je te renvoie le devis signé ce soir."),
    ),
    (
        (
            0,
            "Bonjour, c'est {name0}, on s'est parlé à la soirée d'accueil {day} dernier.",
        ),
        (1, "Ah oui, bonjour ! Tu fais du montage vidéo, c'est ça ?"),
        (
            0,
            "C'est ça. Je me disais qu'on pourrait prendre un café pour parler de ton projet de chaîne.",
        ),
        (1, "Bonne idée. Je suis libre demain après-midi."),
        (0, "15 h au café de la halle ?"),
        (1, "Ça marche, à demain."),
    ),
    (
        (
            0,
            "Tu as toujours ta remorque ? Je dois emmener des branches à la déchetterie.",
        ),
        (1, "Oui, elle est dans la grange. Tu peux passer la prendre quand tu veux."),
        (0, "Samedi matin, ça irait ?"),
        (1, "Oui, je serai là. Vérifie juste que ta voiture a un attelage 😄"),
        (0, "Oui oui, c'est bon !"),
    ),
    (
        (0, "Alors, ton rendez-vous avec la conseillère de la CCI ?"),
        (1, "Très utile ! Elle m'a parlé d'une aide pour l'équipement informatique."),
        (0, "Ah super. Il faut monter un dossier ?"),
        (
            1,
            "Oui, mais c'est assez léger. Je dois envoyer deux devis et mon dernier bilan.",
        ),
        (0, "Tiens-moi au courant, ça pourrait m'intéresser aussi."),
    ),
    (
        (0, "{@1} tu as eu le temps de regarder le bug sur le formulaire de contact ?"),
        (1, "Oui, c'était un souci de configuration du serveur mail. C'est corrigé."),
        (
            0,
            "Génial. Le client va être content, il ne recevait plus aucune demande depuis lundi.",
        ),
        (1, "J'ai ajouté une alerte au cas où ça recommencerait."),
    ),
    (
        (
            0,
            "Salut {name1}, j'ai un client qui veut sa plaquette en anglais et en espagnol. Ça te tenterait de faire la traduction ?",
        ),
        (1, "Oui ! Combien de mots à peu près ?"),
        (0, "Environ 1 200, mais le texte n'est pas encore figé."),
        (
            1,
            "Envoie-moi la version finale quand elle est prête, je compte une semaine pour les deux langues.",
        ),
        (0, "Parfait, je préviens le client."),
    ),
    (
        (
            0,
            "J'ai regardé ta proposition pour la tenue de ma compta. C'est un peu au-dessus de mon budget.",
        ),
        (
            1,
            "Je comprends. On peut alléger : si tu saisis toi-même tes dépenses, je m'occupe uniquement du bilan et de la déclaration.",
        ),
        (0, "Ça ferait combien ?"),
        (1, "Environ un tiers de moins. Je te renvoie une version ce soir."),
        (0, "Merci, c'est très sympa."),
    ),
    (
        (0, "Tu connais un imprimeur pour des tirages photo grand format ?"),
        (
            1,
            "Il y a l'imprimerie de la zone artisanale à {town}. Ils font du très bon travail sur papier mat.",
        ),
        (0, "Il faut prendre rendez-vous ?"),
        (
            1,
            "Non, passe directement à l'atelier le matin. Dis que tu viens de la part du réseau, ils sont très arrangeants.",
        ),
    ),
    (
        (0, "On se le fait, ce déjeuner dont on parle depuis un mois ?"),
        (1, "Oui ! Cette fois on fixe une date. {day} ?"),
        (0, "{day}, c'est parfait. Tu choisis le resto ?"),
        (
            1,
            "Je propose l'auberge sur la route de {town}, terrasse et plat du jour maison.",
        ),
        (0, "Adjugé 🙂"),
    ),
    (
        (
            0,
            "Je voulais te remercier pour la mise en relation avec l'office de tourisme. Ils m'ont confié la refonte de leur brochure !",
        ),
        (1, "Oh, génial ! Bravo {name0}, c'est mérité."),
        (0, "Sans toi je n'aurais jamais eu le contact."),
        (1, "C'est le principe du réseau 🙂 On fête ça ?"),
    ),
    (
        (
            0,
            "Coucou {name1}, ça fait deux semaines que tu es à {commune}, comment ça va ?",
        ),
        (1, "Bien ! Je m'habitue au calme, c'est presque trop silencieux la nuit 😄"),
        (0, "Ça fait souvent ça au début. Tu as besoin de quelque chose ?"),
        (1, "Je cherche un médecin traitant, tu aurais une piste ?"),
        (
            0,
            "La maison de santé de {town} prend encore de nouveaux patients, je crois. Je t'envoie leur numéro.",
        ),
    ),
    (
        (
            0,
            "Tu es dispo mercredi après-midi pour les enfants ? J'ai une formation à Auch.",
        ),
        (1, "Mercredi je peux, oui. Tu me les déposes vers 13 h ?"),
        (0, "Oui. Et la semaine d'après je garde les tiens, comme d'habitude."),
        (1, "Ça roule 👍"),
    ),
    (
        (0, "{@1} la salle est ouverte à quelle heure demain ?"),
        (1, "8 h 30. Le code de la porte n'a pas changé."),
        (0, "Merci !"),
    ),
    (
        (
            0,
            "J'ai vu que tu lisais le guide sur la création d'entreprise. Tu me le prêterais après ?",
        ),
        (1, "Bien sûr, je l'ai fini. Je te le dépose {day} en passant."),
        (0, "Merci, je te le rends vite."),
    ),
    (
        (
            0,
            "Je pars cinq jours la semaine prochaine, tu pourrais passer arroser mes tomates ?",
        ),
        (1, "Oui, pas de souci. Une fois par jour ?"),
        (
            0,
            "Tous les deux jours, ça suffit s'il ne fait pas trop chaud. La clé du portillon est sous le pot bleu.",
        ),
        (1, "Noté. Et je peux me servir en tomates ? 😄"),
        (0, "Évidemment !"),
    ),
    (
        (0, "Tu as des nouvelles du client de {town} depuis la réunion ?"),
        (1, "Pas encore. Je le relance {day} s'il n'a pas répondu."),
        (
            0,
            "Ok. Dis-lui bien qu'on peut démarrer dès la validation du cahier des charges.",
        ),
        (1, "Je lui dis, oui."),
    ),
    (
        (0, "Pour le site du gîte, on se répartit comment ?"),
        (
            1,
            "Je propose : toi le design et les photos, moi le développement et la mise en ligne.",
        ),
        (0, "Et la rédaction des textes ?"),
        (
            1,
            "Le client veut les écrire lui-même. On peut lui proposer une relecture en option.",
        ),
        (0, "Bonne idée. Je prépare le devis commun ce soir."),
    ),
    (
        (0, "{@1} tu as toujours le numéro du plombier qui était venu chez toi ?"),
        (1, "Oui, je te le transfère. Il répond plutôt par SMS."),
        (0, "Merci, c'est urgent, mon chauffe-eau fait des siennes."),
        (1, "Précise que c'est une urgence, il passe souvent le soir même."),
    ),
    (
        (
            0,
            "Je rentre {day} soir à l'aéroport de Toulouse, tu pourrais venir me chercher ? Je sais que c'est loin...",
        ),
        (1, "Ton avion arrive à quelle heure ?"),
        (0, "21 h 15 si tout va bien."),
        (1, "Ça fait tard mais ça me va. Envoie-moi un message à l'atterrissage."),
        (0, "Merci infiniment, je te revaudrai ça."),
    ),
    (
        (0, "Pause café à 16 h ? J'ai besoin de sortir de mes tableurs 😅"),
        (1, "Carrément. On se retrouve au café de la place."),
    ),
    (
        (0, "Petit rappel : ta déclaration de TVA est à faire avant la fin du mois."),
        (1, "Merci ! Je l'avais complètement oubliée."),
        (0, "Envoie-moi tes factures du trimestre et je la prépare."),
        (1, "Je te les mets dans le dossier partagé ce soir."),
    ),
    (
        (0, "Tes photos du domaine viticole sont superbes, le client est ravi."),
        (1, "Merci ! Tu as tout ce qu'il te faut pour la mise en page ?"),
        (0, "Il me manquerait une photo en format vertical pour la couverture."),
        (1, "J'en ai quelques-unes, je te les envoie en haute définition."),
        (0, "Parfait, merci !"),
    ),
    (
        (
            0,
            "Merci encore pour le déménagement samedi. Mon dos s'en souvient, mais tout est rentré 😄",
        ),
        (1, "Avec plaisir. Tu as réussi à monter l'armoire ?"),
        (0, "Pas encore, elle attend dans le salon."),
        (1, "Je passe avec ma visseuse {day} si tu veux."),
        (0, "Tu es un ange."),
    ),
    (
        (
            0,
            "Bonsoir, je suis bénévole au comité de {commune}. Je voulais savoir si votre installation se passait bien.",
        ),
        (
            1,
            "Bonsoir, oui merci ! On a juste du mal à trouver une place en crèche pour notre fils.",
        ),
        (
            0,
            "Je peux vous mettre en contact avec une assistante maternelle du village, elle a peut-être une place à la rentrée.",
        ),
        (1, "Ce serait formidable, merci."),
    ),
    (
        (0, "On fait toujours notre échange du vendredi soir ?"),
        (1, "Oui ! Ce vendredi, c'est à mon tour de garder ?"),
        (0, "Exact. Je te les dépose à 19 h avec les pyjamas."),
        (1, "Parfait, on fera des crêpes."),
        (0, "Ils vont adorer 🙂"),
    ),
    (
        (0, "{@1} ton colis est arrivé chez moi par erreur, je te le garde."),
        (1, "Ah merci ! Je passe le prendre ce soir ?"),
        (0, "Oui, je suis là après 18 h."),
    ),
    (
        (0, "{@1} je t'ai ramené ton roman, je le laisse à l'accueil du coworking ?"),
        (1, "Oui, parfait. Il t'a plu ?"),
        (0, "Je l'ai lu en trois soirs, c'est dire !"),
    ),
    (
        (
            0,
            "J'ai reçu ton devis pour le reportage du mariage de mon frère. Ça me semble très correct.",
        ),
        (1, "Merci ! Tu as des questions ?"),
        (0, "Juste une : les photos retouchées, on les a combien de temps après ?"),
        (
            1,
            "Trois semaines environ. Je peux envoyer une petite sélection dès le lendemain pour patienter.",
        ),
        (0, "Super, on valide."),
    ),
    (
        (
            0,
            "Mon imprimante vient de rendre l'âme et je dois signer un contrat. Je peux passer imprimer chez toi ?",
        ),
        (1, "Oui, viens quand tu veux, je suis en télétravail toute la journée."),
        (0, "Merci ! J'arrive dans vingt minutes."),
    ),
    (
        (0, "C'était sympa d'échanger à l'afterwork de {town} hier soir."),
        (
            1,
            "Oui, vraiment ! Tu m'avais parlé d'un client qui cherchait quelqu'un pour des sous-titres ?",
        ),
        (
            0,
            "Oui, une association qui fait des vidéos sur le patrimoine. Je t'envoie le contact.",
        ),
        (1, "Merci, je les appelle demain."),
    ),
    (
        (
            0,
            "Le client veut changer toutes les couleurs du site... à une semaine de la mise en ligne 😅",
        ),
        (
            1,
            "Aïe. Si tes couleurs sont bien définies en variables, c'est rapide de mon côté.",
        ),
        (0, "Elles le sont ! Je te fais une nouvelle palette demain."),
        (1, "Alors pas de panique, on tient la date."),
    ),
    (
        (0, "J'ai relu ta traduction de la notice, c'est impeccable."),
        (
            1,
            "Merci ! J'ai laissé deux termes techniques en commentaire, tu pourras les vérifier avec le fabricant ?",
        ),
        (0, "Oui, je lui pose la question {day}."),
    ),
    (
        (
            0,
            "Mon train arrive à Auch {day} à 19 h 40. Il y a encore un bus pour {commune} à cette heure-là ?",
        ),
        (
            1,
            "Non, le dernier part vers 18 h. Je viendrai te chercher, c'est sur mon chemin.",
        ),
        (0, "Merci beaucoup, c'est adorable."),
    ),
    (
        (
            0,
            "J'aimerais avoir ton avis sur mon projet de boutique en ligne. Un café un de ces jours ?",
        ),
        (1, "Avec plaisir. Demain matin je suis au coworking, passe vers 10 h."),
        (0, "J'apporte les croissants."),
        (1, "Tu sais parler aux gens 😄"),
    ),
    (
        (0, "Tu as un comptable à me conseiller ? Le mien part à la retraite."),
        (
            1,
            "Il y a un cabinet à {town}, mais je te recommande plutôt une comptable indépendante du réseau. Très réactive, et elle connaît bien les freelances.",
        ),
        (0, "Tu peux me mettre en relation ?"),
        (1, "Je lui écris ce soir et je te mets en copie."),
    ),
    (
        (
            0,
            "Merci pour le conseil du garage de la route d'Auch, ils ont réparé ma voiture en une journée.",
        ),
        (1, "Ah tant mieux ! Ils sont vraiment fiables."),
        (0, "Et moins chers que le devis que j'avais eu ailleurs."),
    ),
    (
        (
            0,
            "Salut {name1}, on organise un repas de village {day} soir, ça te dirait de venir ? C'est une bonne occasion de rencontrer du monde.",
        ),
        (1, "Oh oui, avec plaisir ! Je dois apporter quelque chose ?"),
        (0, "Un dessert ou une boisson, comme tu veux."),
        (1, "Je ferai un gâteau aux pommes."),
        (0, "Parfait, à {day} !"),
    ),
    (
        (
            0,
            "Petite urgence : la nounou est malade. Tu peux récupérer mon fils à l'école à 16 h 30 ?",
        ),
        (1, "Oui, je prends les miens de toute façon. Il goûtera avec nous."),
        (0, "Merci, je viens le chercher vers 18 h."),
        (1, "Pas de souci, prends ton temps."),
    ),
    (
        (0, "{@1} tu as réservé la salle de réunion pour {day} ?"),
        (1, "Oui, de 14 h à 16 h."),
        (0, "Top, je préviens le client."),
    ),
    (
        (
            0,
            "Tu m'avais parlé d'un livre sur la négociation avec les clients, tu l'as toujours ?",
        ),
        (1, "Oui ! Il est un peu annoté, ça ne te dérange pas ?"),
        (0, "Au contraire, ça m'intéresse de voir ce que tu as souligné 😄"),
        (1, "Je te l'apporte à la réunion du comité."),
    ),
    (
        (
            0,
            "Tu peux jeter un œil au devis que j'ai reçu pour isoler les combles ? Je ne sais pas si c'est cher.",
        ),
        (1, "Envoie, j'ai fait faire les mêmes travaux l'an dernier."),
        (0, "Voilà, je te l'ai transféré par mail."),
        (
            1,
            "C'est dans les prix. Par contre vérifie que l'entreprise a bien la certification, sinon tu n'auras pas droit aux aides.",
        ),
        (0, "Bien vu, je leur demande."),
    ),
    (
        (
            0,
            "{@1} je peux faire livrer mon bureau chez toi ? Je ne suis pas là {day} et le livreur ne passe que ce jour-là.",
        ),
        (1, "Oui, je suis à la maison toute la journée."),
        (0, "Merci ! C'est un gros carton, il faudra un peu de place dans ton garage."),
        (1, "Pas de souci, il y a de la place."),
    ),
    (
        (0, "Alors, la réunion à la mairie pour le local du coworking ?"),
        (1, "Plutôt positive. Le conseil municipal doit voter le mois prochain."),
        (0, "On croise les doigts ! Tu as besoin d'aide pour le dossier ?"),
        (1, "Oui, si tu peux relire la présentation du projet, ce serait génial."),
        (0, "Envoie-la-moi, je regarde ça ce week-end."),
    ),
    (
        (
            0,
            "Tu pourrais traduire les légendes de mon expo en anglais ? Une vingtaine de phrases courtes.",
        ),
        (1, "Bien sûr. Tu en as besoin pour quand ?"),
        (0, "Avant la fin du mois, l'expo ouvre à {town} début du mois prochain."),
        (1, "Pas de problème. En échange, tu me fais un portrait pour mon site ?"),
        (0, "Marché conclu 😄"),
    ),
    (
        (
            0,
            "J'ai déposé tous les fichiers dans le dossier partagé : icônes, polices et maquettes.",
        ),
        (1, "Merci. Les icônes sont en SVG ?"),
        (0, "Oui, et j'ai mis une version PNG au cas où."),
        (1, "Parfait, je commence demain matin."),
    ),
    (
        (0, "On m'a dit que tu allais à Agen tous les lundis ?"),
        (1, "Oui, pour un client. Pourquoi ?"),
        (
            0,
            "J'ai un train à la gare d'Agen lundi prochain à 11 h. Je pourrais monter avec toi ?",
        ),
        (1, "Bien sûr, je pars vers 9 h 30. Rendez-vous devant l'église ?"),
        (0, "Parfait, merci !"),
    ),
    (
        (0, "Ça fait longtemps ! On se fait un café pour rattraper le temps perdu ?"),
        (
            1,
            "Avec grand plaisir. Cette semaine c'est chargé, mais la semaine prochaine je suis plus libre.",
        ),
        (0, "Mardi ou mercredi, alors ?"),
        (1, "Mercredi matin, au marché ?"),
        (0, "Noté 🙂"),
    ),
    (
        (
            0,
            "Je voulais vous remercier pour le panier de bienvenue, c'était une très belle surprise.",
        ),
        (
            1,
            "Avec plaisir ! Tout vient des producteurs du coin. Vous avez goûté le miel ?",
        ),
        (0, "Le pot est déjà à moitié vide 😄"),
        (
            1,
            "Je vous donnerai l'adresse de l'apiculteur, il vend aussi au marché le samedi.",
        ),
    ),
    (
        (0, "Alors, tes débuts en télétravail depuis {commune}, ça se passe comment ?"),
        (
            1,
            "Bien, mais les collègues me manquent un peu, je ne vois personne de la journée.",
        ),
        (
            0,
            "Viens au coworking de {town} un ou deux jours par semaine, on est une petite bande sympa.",
        ),
        (1, "Je vais essayer {day}."),
        (0, "Génial, je te présenterai tout le monde."),
    ),
    (
        (
            0,
            "Pendant les vacances scolaires, ça te dirait qu'on alterne : moi les lundis et mardis, toi les jeudis et vendredis ?",
        ),
        (
            1,
            "Excellente idée, ça nous laisse à chacun deux vraies journées de travail.",
        ),
        (0, "Et le mercredi, on les inscrit tous au centre de loisirs."),
        (
            1,
            "Parfait, je préviens mon client que je serai moins dispo en début de semaine.",
        ),
    ),
    (
        (0, "On se retrouve où pour aller au salon ?"),
        (1, "Sur le parking de la salle des fêtes, à 8 h."),
        (0, "Ok. Je prends ma voiture ou la tienne ?"),
        (1, "La mienne, j'ai déjà les kakémonos dans le coffre."),
    ),
    (
        (
            0,
            "Tu connais quelqu'un qui fait de la vidéo par drone ? J'ai un client qui veut des images de ses vignes.",
        ),
        (
            1,
            "Oui, un pilote installé à {town}. Il a toutes les autorisations. Je te partage son contact.",
        ),
        (0, "Génial, merci !"),
    ),
    (
        (0, "Merci pour ton devis. Je peux te faire un retour franc ?"),
        (1, "Bien sûr, vas-y."),
        (
            0,
            "Il est clair, mais je ne comprends pas la ligne « maintenance ». C'est mensuel ?",
        ),
        (
            1,
            "Oui, mensuel : mises à jour, sauvegardes et petites corrections. Je vais le préciser.",
        ),
        (0, "Merci, ça rassurera mon associé."),
    ),
    (
        (
            0,
            "Tu aurais dix minutes pour relire ma présentation ? Je la présente à la CCI demain.",
        ),
        (1, "Oui, envoie. Je regarde ça après mon appel de 15 h."),
        (0, "Merci !"),
        (
            1,
            "C'est fait : c'est clair. Juste un conseil, mets tes tarifs à la fin plutôt qu'au début.",
        ),
        (0, "Bien vu, je change ça."),
    ),
    (
        (0, "{@1} tu as pu envoyer le compte rendu de la réunion au client ?"),
        (1, "Pas encore, je le finis ce midi."),
        (0, "Super. N'oublie pas la date de livraison qu'on a fixée."),
        (1, "C'est noté, fin du mois."),
    ),
    (
        (
            0,
            "J'aimerais proposer à mes clients un outil pour m'envoyer leurs factures plus facilement. Tu pourrais m'aider à le mettre en place ?",
        ),
        (
            1,
            "Oui, on peut faire un simple formulaire avec dépôt de fichiers. Tu as combien de clients ?",
        ),
        (0, "Une trentaine, surtout des artisans."),
        (
            1,
            "Alors il faut que ce soit très simple sur téléphone. Je te fais une maquette la semaine prochaine.",
        ),
    ),
    (
        (
            0,
            "Je prends l'avion {day} à 7 h à Toulouse. Tu sais s'il y a une navette depuis Auch ?",
        ),
        (
            1,
            "Pas à cette heure-là, non. Mais mon mari va à Blagnac pour le travail et part très tôt, je lui demande ?",
        ),
        (0, "Ce serait génial, merci."),
        (1, "Il dit oui ! Il passe te prendre à 4 h 45. Courage 😅"),
    ),
    (
        (0, "Je teste le nouveau restaurant de {town} {day} midi, tu viens ?"),
        (1, "Oh oui, on m'en a dit du bien."),
        (0, "Je réserve à 12 h 15 ?"),
        (1, "Parfait."),
    ),
    (
        (
            0,
            "Merci pour ton aide sur mon site, j'ai déjà eu deux demandes de devis cette semaine !",
        ),
        (1, "Génial ! Le formulaire fonctionne bien, alors."),
        (0, "Oui. Je t'invite à déjeuner pour fêter ça."),
    ),
    (
        (
            0,
            "{@1} bienvenue dans le réseau ! Si tu as la moindre question, n'hésite pas à m'écrire.",
        ),
        (
            1,
            "Merci beaucoup {name0} ! Justement, comment on réserve un poste au coworking ?",
        ),
        (0, "Il suffit de s'inscrire sur le planning en ligne, je t'envoie le lien."),
        (1, "Super, merci !"),
    ),
    (
        (
            0,
            "Je vais avoir dix minutes de retard, le tracteur devant moi roule à 20 km/h 😅",
        ),
        (1, "Pas de souci, je commande un café en attendant."),
    ),
    (
        (
            0,
            "Tu as encore le livre de recettes gasconnes ? Ma belle-mère vient {day} et je voudrais faire un plat du coin.",
        ),
        (1, "Oui ! Je te conseille la garbure, elle est réussie à tous les coups."),
        (0, "Je passe le prendre ce soir ?"),
        (1, "Oui, je le laisse sur la table de la terrasse."),
    ),
    (
        (0, "Tu as eu le temps de regarder mon devis pour l'identité visuelle ?"),
        (
            1,
            "Oui, pardon pour le délai. Il est très complet, mais on a un budget serré cette année.",
        ),
        (
            0,
            "Je comprends. Je peux te proposer une version sans la charte graphique complète, juste le logo et les cartes de visite.",
        ),
        (1, "Ça, ce serait parfait pour démarrer."),
        (0, "Je t'envoie ça demain."),
    ),
]

GROUP = [
    (
        (
            0,
            "Qui est partant pour une rando dimanche ? Je pensais à la boucle autour du lac de {town}.",
        ),
        (1, "Moi ! C'est combien de kilomètres ?"),
        (0, "Environ 12 km, pas trop de dénivelé."),
        (2, "Je viens avec mon chien si ça ne dérange personne."),
        (3, "Au contraire 🙂 On part à quelle heure ?"),
        (0, "9 h devant la mairie de {commune}, on fera du covoiturage."),
        (1, "J'apporte de quoi pique-niquer."),
        (4, "Je ne connais pas encore ce coin, je viens avec plaisir !"),
    ),
    (
        (0, "Météo pas terrible pour samedi... on maintient la rando ?"),
        (1, "Ils annoncent des averses seulement l'après-midi."),
        (2, "On pourrait partir plus tôt, vers 8 h, et être de retour pour midi."),
        (0, "Bonne idée. Ça va à tout le monde ?"),
        (3, "Ok pour moi."),
        (1, "Pareil 👍"),
    ),
    (
        (0, "Pour la rando de {day}, {@2} tu nous guides comme la dernière fois ?"),
        (1, "Oh oui, on s'était régalés avec ton parcours par les coteaux."),
        (2, "Avec plaisir ! Je propose le chemin des crêtes, environ 15 km."),
        (3, "15 km, ça va pour les enfants ? Les miens ont 8 et 10 ans."),
        (2, "Il y a un raccourci à mi-parcours, on pourra se séparer si besoin."),
        (3, "Parfait, alors on vient !"),
    ),
    (
        (0, "Les photos de la rando de dimanche sont dans le dossier partagé !"),
        (1, "Merci ! Le panorama depuis le sommet était magnifique."),
        (2, "Mes mollets s'en souviennent encore 😅"),
        (3, "Prochaine sortie : les bords de la Baïse ?"),
        (
            4,
            "Je peux me joindre à vous ? Je viens d'arriver à {commune} et j'aimerais découvrir la région.",
        ),
        (0, "Bien sûr {name4}, tout le monde est le bienvenu !"),
    ),
    (
        (
            0,
            "Bonjour à tous ! Je crée ce groupe pour organiser le covoiturage vers Toulouse. Qui y va régulièrement ?",
        ),
        (1, "Moi, le mardi et le jeudi, départ vers 7 h 15 de {commune}."),
        (
            2,
            "Je vais à Toulouse le jeudi aussi ! Je peux prendre ma voiture une semaine sur deux.",
        ),
        (
            3,
            "Ça m'intéresse pour le mardi. Je n'ai pas de voiture, mais je participe aux frais.",
        ),
        (1, "Pas de souci {name3}, il me reste deux places."),
        (0, "Super, je fais un petit tableau partagé pour qu'on s'y retrouve."),
    ),
    (
        (
            0,
            "Petit changement : je ne pourrai pas conduire {day}, ma voiture est au garage.",
        ),
        (1, "Je peux prendre le relais, mais je pars à 7 h pile."),
        (2, "7 h, ça me va."),
        (3, "Moi aussi. On se retrouve au rond-point comme d'habitude ?"),
        (1, "Oui, au rond-point. À {day} !"),
    ),
    (
        (
            0,
            "Quelqu'un rentre de Toulouse vers 17 h ce soir ? Ma réunion a été avancée.",
        ),
        (1, "Je ne pars qu'à 18 h 30, dommage."),
        (2, "Je peux partir à 17 h 15 de la gare Matabiau, ça t'arrange ?"),
        (0, "Parfait ! Je te rejoins devant l'entrée principale."),
        (3, "S'il vous reste une place, ça m'intéresse aussi !"),
        (2, "Il en reste deux, venez 🙂"),
    ),
    (
        (0, "On fait comment pour les frais d'essence ce mois-ci ?"),
        (
            1,
            "On peut garder le même principe : 5 € par aller-retour pour le conducteur.",
        ),
        (2, "Ça me paraît juste."),
        (3, "D'accord. Et le péage ?"),
        (1, "Il n'y en a pas sur notre route 😄"),
        (3, "Ah oui, c'est vrai !"),
    ),
    (
        (
            0,
            "Bonsoir à tous, vous avez vu le mot dans le cahier de liaison pour la sortie scolaire ?",
        ),
        (1, "Oui, ils cherchent deux parents accompagnateurs."),
        (2, "Je peux me libérer ce jour-là, je suis en télétravail."),
        (3, "Moi aussi, si on rentre avant 16 h."),
        (1, "Le retour est prévu à 15 h 30 d'après le mot."),
        (3, "Alors c'est bon pour moi !"),
        (0, "Super, je préviens la maîtresse demain matin."),
    ),
    (
        (
            0,
            "Pour la kermesse de fin d'année, il faut organiser les stands. Des volontaires ?",
        ),
        (1, "Je prends la pêche aux canards, comme l'an dernier."),
        (2, "Je peux faire les crêpes."),
        (3, "Et moi la buvette, si quelqu'un m'aide."),
        (4, "Je viens t'aider à la buvette, {name3}."),
        (0, "Génial, merci à tous ! Je fais le planning."),
    ),
    (
        (
            0,
            "Le car scolaire a encore eu 20 minutes de retard ce matin, c'est la troisième fois cette semaine.",
        ),
        (1, "Pareil pour nous à l'arrêt de {town}."),
        (
            2,
            "Il faudrait écrire ensemble au service des transports, ça aura plus de poids.",
        ),
        (0, "Bonne idée. Je rédige un brouillon et je vous le partage ?"),
        (3, "Oui, je signerai."),
        (2, "Moi aussi."),
    ),
    (
        (0, "{@1} tu as des infos sur la réunion pour la classe découverte ?"),
        (
            1,
            "Oui, c'est {day} à 18 h à l'école. Ils présenteront le programme et le budget.",
        ),
        (2, "Il y aura une garderie pendant la réunion ?"),
        (1, "Oui, les enfants pourront rester dans la cour avec les animateurs."),
        (3, "Tant mieux, sinon je n'aurais pas pu venir."),
    ),
    (
        (
            0,
            "Comme vous le savez, notre présidente du comité passe la main après dix ans. Et si on lui organisait une surprise ?",
        ),
        (1, "Excellente idée ! Un repas au village ?"),
        (
            2,
            "On pourrait aussi lui offrir un album avec des photos et des mots de tous les nouveaux arrivants qu'elle a accueillis.",
        ),
        (3, "J'adore. Je peux m'occuper de collecter les messages."),
        (0, "Parfait. On vise le samedi dans trois semaines ?"),
        (1, "Ça me va. Je réserve la salle des fêtes."),
        (2, "Et surtout, pas un mot devant elle 🤫"),
    ),
    (
        (0, "Pour le cadeau de départ de notre bénévole, on part sur quoi ?"),
        (1, "Elle adore jardiner, un bon d'achat à la pépinière de {town} ?"),
        (2, "Bonne idée. On met chacun 10 € ?"),
        (3, "Ok pour moi. Je fais le virement à qui ?"),
        (0, "À moi, je centralise. Je vous envoie mes coordonnées en privé."),
        (4, "Je participe aussi, elle a été d'une aide précieuse à notre arrivée."),
    ),
    (
        (0, "Le jour J, on fait comment pour qu'elle ne se doute de rien ?"),
        (
            1,
            "Je lui demande de passer à la salle des fêtes pour m'aider à ranger des chaises 😄",
        ),
        (2, "Classique mais efficace."),
        (3, "Je m'occupe de la banderole, et les enfants préparent des dessins."),
        (0, "Tout le monde à la salle à 18 h, elle arrive à 18 h 30."),
        (4, "Je ramène le gâteau. Chocolat, ça va ?"),
        (2, "Chocolat, évidemment !"),
    ),
    (
        (
            0,
            "La communauté de communes a publié un appel d'offres pour refaire son site et sa communication. On répond ensemble ?",
        ),
        (
            1,
            "Oui ! À nous quatre, on couvre tout : design, développement, rédaction et photo.",
        ),
        (2, "Ça me tente. C'est quoi la date limite ?"),
        (0, "Dans trois semaines. Il faut un mémoire technique et des références."),
        (
            3,
            "Je peux rédiger le mémoire technique, j'ai l'habitude des marchés publics.",
        ),
        (1, "Top. Je rassemble nos références dans un document commun."),
    ),
    (
        (
            0,
            "On doit caler le prix global pour l'appel d'offres. Chacun peut m'envoyer son estimation ?",
        ),
        (1, "Pour le développement, je compte 12 jours."),
        (2, "Design : 8 jours, maquettes comprises."),
        (3, "Photos : deux demi-journées de prise de vue et une journée de retouche."),
        (0, "Merci. Je fais le total et on en reparle {day} en visio."),
        (2, "On devrait prévoir une marge pour les imprévus, non ?"),
        (0, "Oui, je compte 10 % en plus."),
    ),
    (
        (0, "Question pratique : qui se porte mandataire du groupement ?"),
        (1, "{@2} tu as le plus d'expérience avec les collectivités, ça te tente ?"),
        (2, "Je veux bien, mais il me faudra vos attestations à jour d'ici vendredi."),
        (3, "Je t'envoie les miennes ce soir."),
        (1, "Moi demain matin."),
    ),
    (
        (0, "Nouvelle reçue ce matin : on est retenus pour l'appel d'offres ! 🎉"),
        (1, "Incroyable ! Bravo à tous."),
        (2, "Le travail en commun a payé."),
        (3, "On se fait une réunion de lancement la semaine prochaine ?"),
        (0, "Oui, je propose {day} à 10 h au coworking."),
        (4, "J'y serai avec les premières idées de photos."),
    ),
    (
        (0, "Soirée jeux de société vendredi chez moi, qui vient ?"),
        (1, "Moi ! J'apporte un jeu coopératif que j'ai découvert récemment."),
        (2, "Je viens aussi, avec des chips et une tarte salée."),
        (3, "J'arriverai un peu tard, vers 21 h, ça va ?"),
        (0, "Pas de problème, on t'attendra pour la deuxième partie 🙂"),
    ),
    (
        (0, "Merci pour hier soir, c'était très drôle !"),
        (1, "Oui, et bravo à {name2} qui nous a tous battus trois fois de suite 😅"),
        (2, "La chance du débutant !"),
        (3, "On remet ça le mois prochain ? Cette fois chez moi."),
        (0, "Avec plaisir !"),
    ),
    (
        (0, "Pour la soirée jeux de {day}, on sera combien ?"),
        (1, "Au moins six, je crois."),
        (
            2,
            "Alors il faut des jeux qui se jouent à six, la plupart s'arrêtent à quatre.",
        ),
        (3, "J'ai un jeu d'ambiance qui marche très bien jusqu'à huit."),
        (4, "Et moi un jeu de déduction, parfait pour les grands groupes."),
        (0, "Super, on alternera les deux."),
    ),
    (
        (
            0,
            "Bonjour ! On est plusieurs à chercher du bois de chauffage. On fait une commande groupée ?",
        ),
        (1, "Oui ! Le producteur de {town} fait un prix à partir de 20 stères."),
        (2, "Je prends 5 stères."),
        (3, "Pareil, 5 pour moi."),
        (4, "Je peux en prendre 6, mon poêle consomme beaucoup."),
        (0, "Avec mes 4, ça fait 20 pile. Je l'appelle demain 👍"),
    ),
    (
        (
            0,
            "Le bois sera livré {day} matin. Il propose de tout déposer chez moi, vous venez chercher votre part ensuite ?",
        ),
        (1, "Pas de souci, je passe avec ma remorque samedi."),
        (2, "Je n'ai pas de remorque... quelqu'un pourrait faire un voyage pour moi ?"),
        (1, "Je fais ton chargement après le mien, {name2}."),
        (3, "Je viens aider à charger, ça ira plus vite à plusieurs."),
        (0, "Merci à tous, je prévois le café 🙂"),
    ),
    (
        (
            0,
            "Le producteur demande à être payé à la livraison, par chèque ou en espèces.",
        ),
        (1, "Je ferai un chèque."),
        (2, "Moi en espèces, j'ai l'appoint."),
        (3, "Le bois est bien sec ? L'an dernier j'avais eu du bois trop vert."),
        (0, "Il m'a assuré qu'il a séché deux ans sous abri."),
        (3, "Parfait alors."),
    ),
]
