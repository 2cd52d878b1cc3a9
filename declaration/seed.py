# ruff: noqa: E501 - the declaration's paragraphs are kept one per line, as in the document.
"""The national declaration and consent text version 1, from ``seeds/003_9026c4e63c6fab00.txt``.

The Slovenian text is the signed original: it is copied from the document with only the PDF
extraction's line breaks and doubled spaces undone. Where the original itself has a slip we
keep it (the signed wording is what people agreed to) and say so here:

* "v razvoj digitalni storitev" (commitments) is the original's typo for "digitalnih storitev";
  the English translation follows the evident meaning.
* The original's commitments lead-in ends in a comma before "S to nacionalno deklaracijo ..."; kept.

The original has three headings (introductory findings, the European declaration, the
commitments). The last two parts of the commitments ("Prav tako si bomo prizadevali ..." and
"Pri razvoju bomo sledili ...") get headings of their own here, "Skupna referenčna platforma"
and "Smernice razvoja", so that the long page can be navigated; their text is unchanged.

The English translation is ours.
"""

from coalition.seeding import upsert
from declaration.models import ConsentText, Declaration, DeclarationSection

SLUG = "nacionalna-deklaracija"

TITLE_SL = (
    "Slovenska nacionalna deklaracija za pospešitev digitalne preobrazbe mest, vasi in skupnosti "
    "v trajnostno usmerjeno pametno družbo"
)
TITLE_EN = (
    "Slovenian national declaration on accelerating the digital transformation of cities, villages "
    "and communities into a sustainability-oriented smart society"
)

SECTIONS = [
    {
        "anchor": "uvodne-ugotovitve",
        "heading_sl": "Uvodne ugotovitve",
        "heading_en": "Introductory findings",
        "body_sl": """\
Podpisniki deklaracije verjamemo, da se z digitalno preobrazbo družbe odpira edinstvena razvojna priložnost preobraziti slovenska mesta, vasi in skupnosti v pametna in trajnostna okolja, ki bodo vsem prebivalcem omogočila boljše pogoje za življenje in delo, občinam boljše upravljanje, raziskovalcem in akademskemu svetu nova področja dela in vire, civilni družbi nove možnosti, gospodarstvu pa lahko služi kot odskočna deska za preboj na nove trge. Skladno s strategijo razvoja informacijske družbe in nacionalno strategijo pametne specializacije, je digitalna preobrazba opredeljena tudi kot strateško razvojno področje, zato želimo to priložnost čim bolje uporabiti.

Verjamemo, da je za doseganje cilja vzpostavitve pametnih mest, vasi in skupnosti nujno partnersko povezovanje in sodelovanje vseh deležnikov, od javne in državne uprave, podjetij, institucij znanja, raziskovalnih organizacij, nevladnih organizacij do lokalne samouprave in posameznikov, torej celotne družbe. Povezovanje deležnikov je potekalo v različnih okvirih že do sedaj, sedaj pa želimo to povezovanje še nadgraditi in razširiti v okviru Slovenske digitalne koalicije.

Ugotavljamo, da se slovenski deležniki trenutno ne vključujejo v zadostni meri v evropske prebojne projekte na področju digitalne preobrazbe pametnih mest, vasi in skupnosti, kar želimo preseči s tesnejšim povezovanjem doma in na evropski ravni.

Vidimo priložnost za mednarodni gospodarski preboj slovenskih podjetij, ter pospešeno kreiranje vzpodbudnega podjetniškega in start-up okolja. S tem bomo zmanjšali odtekanje visokotehnološkega znanja in kapitala v tujino ter pritegnili tuje investicije v Slovenijo, kar bo pozitivno vplivalo tako na ustvarjanje kvalitetnih novih delovnih mest, kot na večje prilive v državni proračun.

Prav tako so neizkoriščeni potenciali nevladnih organizacij za družbeno ustrezen razvoj pametnih mest, vasi in skupnosti. Posebej z vidika ugotavljanja potreb ljudi po pametnih storitvah, vključevanju uporabnikov v razvoj aplikacij, krepitvi digitalnih veščin in umeščanju pametnih rešitev v lokalne skupnosti ob upoštevanju človekovih pravic in načel kot so dostopnost, zasebnost ter varnost. Pomembna vidika digitalne preobrazbe sta tudi večja demokratičnost in okrepljena preglednost delovanja lokalnih skupnosti.

Ugotavljamo, da daje Evropska unija izreden pomen digitalni preobrazbi, ki ima pozitivne učinke na Evropsko rast, zaposlovanje in kvaliteto življenja, ob doseganju ambicioznih okoljskih ciljev. S proaktivnim vključevanjem v evropske iniciative, podpisniki nacionalne deklaracije vidimo priložnost za pospešen razvoj trajnostno usmerjene pametne družbe tudi v Sloveniji.

Prepoznavamo prednost, ki jo ima Slovenija, da postane referenčna država na področju razvoja digitalne družbe.""",
        "body_en": """\
We, the signatories of this declaration, believe that the digital transformation of society opens a unique development opportunity to transform Slovenian cities, villages and communities into smart and sustainable environments that will give all residents better conditions for living and working, municipalities better governance, researchers and the academic world new fields of work and resources, and civil society new possibilities, while for the economy it can serve as a springboard for breaking into new markets. In line with the strategy for the development of the information society and the national smart specialisation strategy, digital transformation is also defined as a strategic development area, and we therefore wish to make the best possible use of this opportunity.

We believe that reaching the goal of smart cities, villages and communities requires partnership and cooperation among all stakeholders, from public and state administration, companies, knowledge institutions, research organisations and non-governmental organisations to local self-government and individuals, in other words the whole of society. Stakeholders have already been connecting in various frameworks; we now wish to build on and broaden this cooperation within the Slovenian Digital Coalition.

We find that Slovenian stakeholders do not currently take part sufficiently in European breakthrough projects in the digital transformation of smart cities, villages and communities, and we want to overcome this through closer cooperation at home and at European level.

We see an opportunity for an international economic breakthrough of Slovenian companies and for the accelerated creation of a stimulating business and start-up environment. This will reduce the outflow of high-tech knowledge and capital abroad and attract foreign investment to Slovenia, which will have a positive effect both on the creation of good new jobs and on higher revenue for the state budget.

The potential of non-governmental organisations for a socially appropriate development of smart cities, villages and communities is likewise untapped, especially in identifying people's needs for smart services, involving users in the development of applications, strengthening digital skills and embedding smart solutions in local communities while respecting human rights and principles such as accessibility, privacy and security. Greater democracy and increased transparency in the work of local communities are also important aspects of digital transformation.

We find that the European Union attaches exceptional importance to digital transformation, which has positive effects on European growth, employment and quality of life while ambitious environmental goals are met. By taking a proactive part in European initiatives, we, the signatories of the national declaration, see an opportunity for the accelerated development of a sustainability-oriented smart society in Slovenia as well.

We recognise the advantage Slovenia has to become a reference country in the development of the digital society.""",
    },
    {
        "anchor": "evropska-deklaracija",
        "heading_sl": "Evropska deklaracija",
        "heading_en": "The European declaration",
        "body_sl": """\
Evropska unija je pripravila evropsko deklaracijo »JOIN, BOOST, SUSTAIN«, s podpisom katere so se odločevalci na vseh ravneh javne uprave (lokalna uprava, regionalna, državna uprava, EU) zavezali k združitvi moči pri spodbujanju trajnostne digitalne preobrazbe mest in skupnosti v EU, saj verjamejo, da sta tesno sodelovanje na podlagi upravljanja na več ravneh v EU in soustvarjanje z državljani ključna za poslanstvo preobraziti evropska mesta in skupnosti v pametne in trajnostne kraje, kjer ljudje radi živijo in delajo. Cilj podpisnikov evropske deklaracije je vključujoča, digitalna Evropa, da bi tako lahko vsaka skupnost imela gospodarske in socialne koristi od te preobrazbe. Evropska deklaracija je dostopna preko spletne strani living-in.eu.

Omenjena evropska deklaracija je pomemben korak pri uvedbi „evropskega načina“ digitalne preobrazbe mest in skupnosti, z namenom zagotoviti vodilni položaj EU na področju tehnologije ob spoštovanju evropskih vrednot in raznolikosti ter digitalnih pravic posameznikov.

V središču evropske deklaracije sta uporaba in razširjanje odprtih, interoperabilnih, medsektorskih in čezmejnih platform kot sredstev za spodbujanje digitalne preobrazbe, kar bo prispevalo k zagotavljanju tehnološke samostojnosti v EU in soustvarjanju digitalnih rešitev, ki evropskih mest in skupnosti ne vežejo na uporabo specifičnih tehnologij.

Podpisniki evropske deklaracije so se strinjali o naslednjih načelih:

• pristop, osredotočen na državljane,
• pristop pod vodstvom mest na ravni EU,
• mesto kot odprt inovacijski ekosistem, ki ga spodbujajo državljanke in državljani,
• etičen in družbeno odgovoren dostop do podatkov, njihova uporaba, izmenjava in upravljanje,
• tehnologije kot ključni omogočitveni dejavniki,
• interoperabilne digitalne platforme, ki temeljijo na odprtih standardih in tehničnih specifikacijah, vmesnikih za aplikacijsko programiranje (API) in skupnih podatkovnih modelih.

Podpisniki evropske deklaracije so se zavezali, da bodo skupaj razvijali naslednje trajnostne ukrepe – finančne, tehnične, pravne, ukrepe izobraževanja in krepitve zmogljivosti, ukrepe spremljanja in merjenja.""",
        "body_en": """\
The European Union has prepared the European declaration "JOIN, BOOST, SUSTAIN". By signing it, decision-makers at every level of public administration (local, regional, national and EU) have committed to joining forces in promoting the sustainable digital transformation of cities and communities in the EU, as they believe that close cooperation based on multi-level governance in the EU and co-creation with citizens are key to the mission of transforming European cities and communities into smart and sustainable places where people enjoy living and working. The goal of the signatories of the European declaration is an inclusive, digital Europe, so that every community can gain economic and social benefits from this transformation. The European declaration is available on the website living-in.eu.

This European declaration is an important step in introducing a "European way" of digitally transforming cities and communities, with the aim of securing the EU's leading position in technology while respecting European values and diversity and the digital rights of individuals.

At the heart of the European declaration are the use and spread of open, interoperable, cross-sectoral and cross-border platforms as means of promoting digital transformation, which will help to ensure technological sovereignty in the EU and the co-creation of digital solutions that do not tie European cities and communities to specific technologies.

The signatories of the European declaration agreed on the following principles:

• a citizen-centric approach,
• a city-led approach at EU level,
• the city as an open innovation ecosystem driven by its citizens,
• ethical and socially responsible access to data, and its use, sharing and management,
• technologies as key enablers,
• interoperable digital platforms based on open standards and technical specifications, application programming interfaces (APIs) and shared data models.

The signatories of the European declaration committed to developing the following sustainable measures together: financial, technical and legal measures, measures for education and capacity building, and measures for monitoring and measurement.""",
    },
    {
        "anchor": "zaveze",
        "heading_sl": "Zaveze podpisnikov nacionalne deklaracije",
        "heading_en": "Commitments of the signatories of the national declaration",
        "body_sl": """\
Podpisniki nacionalne deklaracije vidimo priložnost za pospešen razvoj slovenskih mest, vasi in skupnosti v trajnostno usmerjeno pametno družbo ob upoštevanju načel iz zgoraj omenjene evropske deklaracije,

S to nacionalno deklaracijo se podpisniki zavezujemo:

• k podpori načelom in ukrepom iz evropske deklaracije »JOIN, BOOST, SUSTAIN«,
• k partnerskemu in enakopravnemu sodelovanju med vsemi slovenskimi deležniki za digitalno preobrazbo družbe,
• h krepitvi digitalnih veščin in digitalne pismenosti ljudi za pametno uporabo digitalnih storitev,
• k vključevanju končnih uporabnikov v razvoj digitalni storitev, ki bodo zasnovane na uporabniku prijazen način ter prilagojene njihovemu znanju in možnostim,
• k varovanju človekovih pravic ter upoštevanju družbene in okoljske blaginje v digitalni preobrazbi,
• k združevanju naporov za pospeševanje digitalizacije in razvoja digitalnih storitev ter izdelkov z globalnim tržnim potencialom,
• k vzpostavitvi referenčne digitalne povezovalne platforme za lažje medsebojno povezovanje rešitev in podatkov,
• k uporabi odprtih standardov za digitalne rešitve, aplikacije in storitve,
• k partnerstvu na osnovi odprtega poslovnega modela, kjer partnerji svoje digitalne storitve povezujejo preko skupne povezovalne arhitekture,
• k povezovanju ljudi, podatkov, storitev in produktov, ki nastajajo na posameznih področjih pametnega mesta, vasi in skupnosti z namenom v celoti izkoristiti potencial digitalizacije v kontekstu pametne družbe,
• k prizadevanju za umestitev Slovenije kot zgledne in referenčne države za digitalno preobrazbo na področju pametnih mest, vasi in skupnosti.

Z namenom uresničevanja naštetih zavez ter pospeševanja razvoja in uporabe digitalnih rešitev bomo v okviru Slovenske digitalne koalicije vzpostavili odprt in vključujoč ekosistem za pametna mesta, vasi in skupnosti, ki bo združeval odločevalce na lokalni in nacionalni ravni, gospodarstvenike, raziskovalce, nevladne organizacije in ostale zainteresirane javnosti.""",
        "body_en": """\
We, the signatories of the national declaration, see an opportunity for the accelerated development of Slovenian cities, villages and communities into a sustainability-oriented smart society, taking into account the principles of the European declaration mentioned above.

With this national declaration, we, the signatories, commit ourselves:

• to support the principles and measures of the European declaration "JOIN, BOOST, SUSTAIN",
• to partnership and cooperation on an equal footing among all Slovenian stakeholders for the digital transformation of society,
• to strengthen people's digital skills and digital literacy for the smart use of digital services,
• to involve end users in the development of digital services, which will be designed in a user-friendly way and adapted to their knowledge and abilities,
• to protect human rights and to take social and environmental well-being into account in the digital transformation,
• to join efforts to accelerate digitalisation and the development of digital services and products with global market potential,
• to set up a reference digital integration platform that makes it easier to connect solutions and data with one another,
• to use open standards for digital solutions, applications and services,
• to partnership based on an open business model, in which partners connect their digital services through a common integration architecture,
• to connect the people, data, services and products that arise in the various fields of the smart city, village and community, so as to exploit the full potential of digitalisation in the context of a smart society,
• to strive to establish Slovenia as an exemplary and reference country for digital transformation in the field of smart cities, villages and communities.

To fulfil these commitments and to accelerate the development and use of digital solutions, we will set up, within the Slovenian Digital Coalition, an open and inclusive ecosystem for smart cities, villages and communities that will bring together decision-makers at local and national level, business people, researchers, non-governmental organisations and other interested members of the public.""",
    },
    {
        "anchor": "referencna-platforma",
        "heading_sl": "Skupna referenčna platforma",
        "heading_en": "The common reference platform",
        "body_sl": """\
Prav tako si bomo prizadevali za vzpostavitev referenčne integralne digitalne arhitekture in platforme, ki bo vsem deležnikom omogočala:

• odprt dostop do podatkov,
• pravni in poslovni okvir skupnega razvoja,
• tehnične specifikacije tehnoloških komponent,
• hitro povezovanje obstoječih rešitev deležnikov v nove funkcionalne uporabniške storitve za zadoščanje potreb vključenih pilotnih okolij,
• testiranje in validiranje teh storitev v izvajalnem okolju ter
• vso ostalo potrebno infrastrukturo, namenjeno skupnim razvojnim aktivnostim.

Skupna referenčna platforma bo dostopna za različne skupine deležnikov, od ponudnikov različnih podatkov in storitev, razvijalcev, ki razvijajo lastne rešitve z uporabo teh storitev, vse do uporabnikov le-teh. V duhu povezovanja obstoječih rešitev deležnikov v funkcionalne uporabniške storitve z višjo dodano vrednostjo, bomo vzpostavili okolje, kjer bodo lahko ponudniki na enoten način objavili svoje podatke in storitve, pa tudi sami uporabili podatke in rešitve ostalih ponudnikov.""",
        "body_en": """\
We will also strive to set up a reference integrated digital architecture and platform that will give all stakeholders:

• open access to data,
• a legal and business framework for joint development,
• technical specifications of the technological components,
• fast integration of stakeholders' existing solutions into new functional user services that meet the needs of the participating pilot environments,
• testing and validation of these services in a production environment, and
• all other infrastructure needed for joint development activities.

The common reference platform will be open to various groups of stakeholders, from providers of various data and services and developers building their own solutions on these services, all the way to their users. In the spirit of combining stakeholders' existing solutions into functional user services with higher added value, we will create an environment where providers can publish their data and services in a uniform way and also use the data and solutions of other providers themselves.""",
    },
    {
        "anchor": "smernice-razvoja",
        "heading_sl": "Smernice razvoja",
        "heading_en": "Development guidelines",
        "body_sl": """\
Pri razvoju bomo sledili naslednjim smernicam:

• uporaba enotnih standardov razvoja, testiranja, implementacije in vzdrževanja rešitev,
• visoka stopnja semantične in sintaktične interoperabilnosti z uporabo odprtih standardov,
• uporaba odprtih podatkovnih modelov,
• aktivno sodelovanje pri razvoju odprtih standardov tako v domačem, kakor tudi v mednarodnem okolju,
• povezovanje in uporaba slovenskega znanja ter informacijskih gradnikov pri razvoju naprednih rešitev na področju pametnih mest in skupnosti.""",
        "body_en": """\
In development we will follow these guidelines:

• uniform standards for the development, testing, implementation and maintenance of solutions,
• a high degree of semantic and syntactic interoperability through open standards,
• open data models,
• active participation in developing open standards, both at home and internationally,
• connecting and using Slovenian knowledge and information building blocks in developing advanced solutions for smart cities and communities.""",
    },
]

# Consent version 1: the document's "Soglasje podpisnika o hranjenju in uporabi osebnih podatkov",
# word for word (only line breaks undone), with the structured facts it states beside it.
CONSENT_V1 = {
    "controller": "GZS – Gospodarska zbornica Slovenije",
    "legal_basis_sl": "člen 6(1)(a) Splošne uredbe EU o varstvu osebnih podatkov (GDPR): privolitev",
    "legal_basis_en": "Article 6(1)(a) of the EU General Data Protection Regulation (GDPR): consent",
    "purpose_sl": "evidenca podpisnikov deklaracije in obveščanje o vsebinah s področja pametnih mest "
    "(e-novice, dogodki, publikacije)",
    "purpose_en": "the register of the declaration's signatories and news about smart cities "
    "(newsletters, events, publications)",
    "withdrawal_email": "ikthm@gzs.si",
    "withdrawal_sl": "kadarkoli, prek osebne povezave, ki vam jo pošljemo po e-pošti, ali po e-pošti na "
    "ikthm@gzs.si; umik ne vpliva na zakonitost obdelave pred umikom",
    "withdrawal_en": "at any time, through the personal link we e-mail you or by e-mail to ikthm@gzs.si; "
    "withdrawal does not affect the lawfulness of processing before it",
    "text_sl": (
        "Osebne podatke, ki nam jih posredujete ob podpisu Slovenske nacionalne deklaracije za pospešitev "
        "digitalne preobrazbe mest, vasi in skupnosti v trajnostno usmerjeno pametno družbo, na GZS hranimo in "
        "obdelujemo v skladu z vašim jasnim in nedvoumnim soglasjem, ki temelji na členu 6 (1), (a) Splošne "
        "uredbe EU o varstvu osebnih podatkov (GDPR). Podatke zbiramo in hranimo za namen evidence "
        "podpisnikov te deklaracije. Soglasje za obdelavo osebnih podatkov podate s tem, ko podpišete "
        "deklaracijo. Svoje soglasje lahko kadarkoli umaknete preko elektronske pošte na naslov: ikthm@gzs.si. "
        "V primeru umika soglasja ne bomo več uporabljali vaših osebnih podatkov za obveščanje o vsebinah s "
        "področja pametnih mest (e-novicah, dogodkih, publikacijah). Morebiten umik soglasja ne vpliva na "
        "zakonitost obdelave vaših osebnih podatkov v času, preden je bil umik podan."
    ),
    "text_en": (
        "The personal data you give us when signing the Slovenian national declaration on accelerating the "
        "digital transformation of cities, villages and communities into a sustainability-oriented smart "
        "society are kept and processed at GZS (the Chamber of Commerce and Industry of Slovenia) on the basis "
        "of your clear and unambiguous consent under Article 6(1)(a) of the EU General Data Protection "
        "Regulation (GDPR). We collect and keep the data for the register of the declaration's signatories. "
        "You give your consent to the processing of your personal data by signing the declaration. You can "
        "withdraw your consent at any time by e-mail to ikthm@gzs.si. If you withdraw your consent, we will "
        "no longer use your personal data to inform you about smart-city topics (newsletters, events, "
        "publications). Withdrawing consent does not affect the lawfulness of the processing of your personal "
        "data before the withdrawal."
    ),
}


def load(report):
    declaration = upsert(report, Declaration, {"slug": SLUG}, {"title_sl": TITLE_SL, "title_en": TITLE_EN})
    for position, section in enumerate(SECTIONS, start=1):
        values = {key: value for key, value in section.items() if key != "anchor"}
        upsert(
            report,
            DeclarationSection,
            {"declaration": declaration, "anchor": section["anchor"]},
            {"position": position, **values},
        )
    existing = ConsentText.objects.filter(declaration=declaration, version=1).first()
    if existing is None or not existing.is_used():
        # A consent text people agreed to never changes: a new wording must be a new version.
        upsert(report, ConsentText, {"declaration": declaration, "version": 1}, CONSENT_V1)
    return declaration
