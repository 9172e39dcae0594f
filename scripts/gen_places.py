#!/usr/bin/env python3
"""Generate dictionaries/countries.tsv and dictionaries/places.tsv.

Sources (installed from the package registries, nothing is fetched at run time):

  npm   cldr-localenames-full  territory names (zh, zh-Hant, zh-Hant-HK, en)   Unicode-3.0
  npm   cldr-dates-full        exemplar cities of time zones (zh, zh-Hant, ...) Unicode-3.0
  npm   china-division         provinces and prefecture-level cities of China  MIT
  PyPI  pycountry              the 249 ISO 3166-1 entries                       LGPL-2.1 (data only)
  PyPI  pytz                   time zone -> country (zone.tab)                  MIT
  PyPI  opencc-python-reimplemented  traditional -> simplified                  Apache-2.0
  PyPI  pypinyin               pinyin for the ids of Chinese divisions          MIT

How to run (from the repository root):

  mkdir -p /tmp/gen && (cd /tmp/gen && npm install cldr-localenames-full cldr-dates-full china-division)
  pip install pycountry pytz opencc-python-reimplemented pypinyin
  python3 scripts/gen_places.py --node-modules /tmp/gen/node_modules
  # or: NEWSGRAPH_NODE_MODULES=/tmp/gen/node_modules python3 scripts/gen_places.py

Options: --out DIR (default: dictionaries/ next to this script), --check-only (validate the
existing files without regenerating them), --fast2s-table PATH (or env FAST2S_T2S): the
t2s.txt of the fast2s crate that newsgraph uses to map traditional to simplified; when given,
every character of every name and alias must be left unchanged by that table (otherwise the
normalised text could never match the entry; e.g. fast2s maps 阪 to 坂, so 大阪 gets the
alias 大坂). Typically ~/.cargo/registry/src/*/fast2s-*/src/t2s.txt.

The output is deterministic for a given set of package versions.  Do not edit the generated
TSV files by hand: change the tables in this script (COUNTRY_*, EXEMPLAR_*, HAND_PLACES) and
rerun it.  The script validates what it writes (column count, unique ids, country references,
alias length and sharing rules, no tabs/commas/pipes inside fields) and exits non-zero on any
problem.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

HEADER = ["id", "name", "type", "country", "en", "aliases", "abbr"]

# --------------------------------------------------------------------------------------------
# Countries: hand-curated supplement to CLDR
# --------------------------------------------------------------------------------------------

# Canonical name when CLDR's zh name is not the short form news uses.
COUNTRY_NAME = {
    "HKG": "香港", "MAC": "澳门", "PSE": "巴勒斯坦", "ARE": "阿联酋", "SAU": "沙特",
    "IDN": "印尼", "BIH": "波黑", "COD": "刚果（金）", "COG": "刚果（布）", "MNG": "蒙古国",
    "DOM": "多米尼加", "FSM": "密克罗尼西亚联邦", "ATA": "南极洲", "CCK": "科科斯群岛",
}

# English name when CLDR's en name is awkward.
COUNTRY_EN = {
    "HKG": "Hong Kong", "MAC": "Macao", "PSE": "Palestine", "MMR": "Myanmar",
    "COD": "DR Congo", "COG": "Republic of the Congo",
}

# Official long forms (Chinese MFA usage) and other well-known forms CLDR lacks.
COUNTRY_ALIASES = {
    "AFG": "阿富汗伊斯兰共和国|阿富汗伊斯兰酋长国",
    "ALB": "阿尔巴尼亚共和国",
    "DZA": "阿尔及利亚民主人民共和国",
    "AND": "安道尔公国",
    "AGO": "安哥拉共和国",
    "ARG": "阿根廷共和国",
    "ARM": "亚美尼亚共和国",
    "AUS": "澳大利亚联邦",
    "AUT": "奥地利共和国",
    "AZE": "阿塞拜疆共和国",
    "BHS": "巴哈马国",
    "BHR": "巴林王国",
    "BGD": "孟加拉人民共和国",
    "BLR": "白俄罗斯共和国|白俄",
    "BEL": "比利时王国",
    "BEN": "贝宁共和国",
    "BTN": "不丹王国",
    "BOL": "多民族玻利维亚国",
    "BIH": "波斯尼亚和黑塞哥维那|波斯尼亚",
    "BWA": "博茨瓦纳共和国",
    "BRA": "巴西联邦共和国",
    "BRN": "文莱达鲁萨兰国",
    "BGR": "保加利亚共和国",
    "BDI": "布隆迪共和国",
    "KHM": "柬埔寨王国",
    "CMR": "喀麦隆共和国",
    "CPV": "佛得角共和国",
    "TCD": "乍得共和国",
    "CHL": "智利共和国",
    "CHN": "中华人民共和国|中国大陆",
    "COL": "哥伦比亚共和国",
    "COM": "科摩罗联盟",
    "COG": "刚果共和国|刚果(布)|~刚果",
    "COD": "刚果民主共和国|刚果(金)|民主刚果|~刚果",
    "CRI": "哥斯达黎加共和国",
    "CIV": "科特迪瓦共和国",
    "HRV": "克罗地亚共和国",
    "CUB": "古巴共和国",
    "CYP": "塞浦路斯共和国",
    "CZE": "捷克共和国",
    "DNK": "丹麦王国",
    "DJI": "吉布提共和国",
    "DMA": "多米尼克国",
    "DOM": "多米尼加共和国",
    "ECU": "厄瓜多尔共和国",
    "EGY": "阿拉伯埃及共和国",
    "SLV": "萨尔瓦多共和国",
    "GNQ": "赤道几内亚共和国",
    "ERI": "厄立特里亚国",
    "EST": "爱沙尼亚共和国",
    "SWZ": "斯威士兰王国|埃斯瓦蒂尼|埃斯瓦蒂尼王国|史瓦济兰",
    "ETH": "埃塞俄比亚联邦民主共和国",
    "FJI": "斐济共和国",
    "FIN": "芬兰共和国",
    "FLK": "马尔维纳斯群岛",
    "FRA": "法兰西共和国|法兰西",
    "GAB": "加蓬共和国",
    "GMB": "冈比亚共和国",
    "DEU": "德意志联邦共和国",
    "GHA": "加纳共和国",
    "GRC": "希腊共和国",
    "GTM": "危地马拉共和国",
    "GIN": "几内亚共和国",
    "GNB": "几内亚比绍共和国",
    "GUY": "圭亚那合作共和国",
    "HTI": "海地共和国",
    "HND": "洪都拉斯共和国",
    "HKG": "中国香港|香港特别行政区|香港特区",
    "IND": "印度共和国",
    "IDN": "印度尼西亚|印度尼西亚共和国",
    "IRN": "伊朗伊斯兰共和国",
    "IRQ": "伊拉克共和国",
    "ISR": "以色列国",
    "ITA": "意大利共和国",
    "JPN": "日本国",
    "JOR": "约旦哈希姆王国",
    "KAZ": "哈萨克斯坦共和国",
    "KEN": "肯尼亚共和国",
    "KIR": "基里巴斯共和国",
    "PRK": "朝鲜民主主义人民共和国|北朝鲜",
    "KOR": "大韩民国|南朝鲜",
    "KWT": "科威特国",
    "KGZ": "吉尔吉斯共和国",
    "LAO": "老挝人民民主共和国",
    "LVA": "拉脱维亚共和国",
    "LBN": "黎巴嫩共和国",
    "LSO": "莱索托王国",
    "LBR": "利比里亚共和国",
    "LBY": "利比亚国",
    "LIE": "列支敦士登公国",
    "LTU": "立陶宛共和国",
    "LUX": "卢森堡大公国",
    "MAC": "中国澳门|澳门特别行政区|澳门特区",
    "MDG": "马达加斯加共和国",
    "MWI": "马拉维共和国",
    "MDV": "马尔代夫共和国",
    "MLI": "马里共和国",
    "MLT": "马耳他共和国",
    "MHL": "马绍尔群岛共和国",
    "MRT": "毛里塔尼亚伊斯兰共和国",
    "MUS": "毛里求斯共和国",
    "MEX": "墨西哥合众国",
    "FSM": "密克罗尼西亚|密联邦",
    "MDA": "摩尔多瓦共和国",
    "MCO": "摩纳哥公国",
    "MNG": "~蒙古",
    "MAR": "摩洛哥王国",
    "MOZ": "莫桑比克共和国",
    "MMR": "缅甸联邦共和国",
    "NAM": "纳米比亚共和国",
    "NRU": "瑙鲁共和国",
    "NPL": "尼泊尔联邦民主共和国",
    "NLD": "荷兰王国|尼德兰",
    "NIC": "尼加拉瓜共和国",
    "NER": "尼日尔共和国",
    "NGA": "尼日利亚联邦共和国",
    "MKD": "北马其顿共和国|马其顿",
    "NOR": "挪威王国",
    "OMN": "阿曼苏丹国",
    "PAK": "巴基斯坦伊斯兰共和国",
    "PLW": "帕劳共和国",
    "PSE": "巴勒斯坦国",
    "PAN": "巴拿马共和国",
    "PNG": "巴布亚新几内亚独立国|巴新",
    "PRY": "巴拉圭共和国",
    "PER": "秘鲁共和国",
    "PHL": "菲律宾共和国",
    "POL": "波兰共和国",
    "PRT": "葡萄牙共和国",
    "QAT": "卡塔尔国",
    "RUS": "俄罗斯联邦|俄国",
    "RWA": "卢旺达共和国",
    "KNA": "圣基茨和尼维斯联邦",
    "WSM": "萨摩亚独立国",
    "SMR": "圣马力诺共和国",
    "STP": "圣多美和普林西比民主共和国|圣普",
    "SAU": "沙特阿拉伯|沙特阿拉伯王国|沙乌地",
    "SEN": "塞内加尔共和国",
    "SRB": "塞尔维亚共和国",
    "SYC": "塞舌尔共和国",
    "SLE": "塞拉利昂共和国",
    "SGP": "新加坡共和国|星加坡",
    "SVK": "斯洛伐克共和国",
    "SVN": "斯洛文尼亚共和国",
    "SOM": "索马里联邦共和国",
    "ZAF": "南非共和国",
    "SSD": "南苏丹共和国",
    "ESP": "西班牙王国",
    "LKA": "斯里兰卡民主社会主义共和国",
    "SDN": "苏丹共和国",
    "SUR": "苏里南共和国",
    "SWE": "瑞典王国",
    "CHE": "瑞士联邦",
    "SYR": "阿拉伯叙利亚共和国",
    "TJK": "塔吉克斯坦共和国",
    "TZA": "坦桑尼亚联合共和国",
    "THA": "泰王国",
    "TLS": "东帝汶民主共和国",
    "TGO": "多哥共和国",
    "TON": "汤加王国",
    "TTO": "特立尼达和多巴哥共和国|特多|千里达",
    "TUN": "突尼斯共和国",
    "TUR": "土耳其共和国",
    "TWN": "台湾地区|中国台湾|台湾省|中华民国",
    "UGA": "乌干达共和国",
    "ARE": "阿拉伯联合酋长国",
    "GBR": "大不列颠及北爱尔兰联合王国|联合王国",
    "USA": "美利坚合众国|美利坚",
    "URY": "乌拉圭东岸共和国",
    "UZB": "乌兹别克斯坦共和国",
    "VUT": "瓦努阿图共和国",
    "VAT": "梵蒂冈城国|教廷|罗马教廷",
    "VEN": "委内瑞拉玻利瓦尔共和国",
    "VNM": "越南社会主义共和国",
    "YEM": "也门共和国",
    "ZMB": "赞比亚共和国",
    "ZWE": "津巴布韦共和国",
    "ATA": "南极",
    "SJM": "斯瓦尔巴群岛",
    "SHN": "圣赫勒拿岛",
    "CCK": "科科斯群岛",
}

# CLDR-derived names (any locale, after conversion) that are wrong or too risky as aliases.
# A `~` in front keeps the alias but marks it ambiguous.
COUNTRY_DROP = {
    "COD": {"刚果（金夏沙）", "刚果（金）"},     # the name itself; the variant is covered by 刚果(金)
    "COG": {"刚果（布拉萨）", "刚果（布）"},
    "FLK": {"福克兰群岛（马尔维纳斯群岛）"},
    "HKG": {"中国香港特别行政区"},  # re-added below as an alias
    "MAC": {"中国澳门特别行政区"},
}
COUNTRY_MARK_AMBIGUOUS = {
    "GEO": {"乔治亚"},      # TW name of Georgia; also the US state (佐治亚/乔治亚州)
    "SLE": {"狮子山"},      # TW name of Sierra Leone; Lion Rock in Hong Kong
    "TCD": {"查德"},        # TW name of Chad; the given name Chad
    "MLI": {"马利"},        # TW name of Mali; a transliterated surname
    "TON": {"东加"},        # TW name of Tonga; also 东加里曼丹 etc.
    "QAT": {"卡达"},        # TW name of Qatar; also in 卡达菲 (Gaddafi, TW)
    "KAZ": {"哈萨克"},      # TW name; also the Kazakh people (哈萨克族)
    "TJK": {"塔吉克"},      # TW name; also the Tajik people (塔吉克族)
    "KGZ": {"吉尔吉斯"},
    "UZB": {"乌兹别克"},    # TW name; also the Uzbek people (乌孜别克族)
    "TKM": {"土库曼"},
    "MNG": {"蒙古"},        # also 内蒙古 and the Mongol people (蒙古族)
}
COUNTRY_EXTRA_ALIASES_AFTER = {
    "HKG": ["中国香港特别行政区"],
    "MAC": ["中国澳门特别行政区"],
    "CCK": ["科科斯（基林）群岛"],
}

# One-character abbreviations used in compounds (中美, 俄乌, 访华, 美方).
COUNTRY_ABBR = {
    "CHN": "中|华", "USA": "美", "RUS": "俄", "GBR": "英", "FRA": "法", "DEU": "德",
    "JPN": "日", "KOR": "韩", "PRK": "朝", "UKR": "乌", "IND": "印", "PAK": "巴",
    "AUS": "澳", "CAN": "加", "ITA": "意", "ISR": "以", "IRN": "伊", "TUR": "土",
    "VNM": "越", "PHL": "菲", "THA": "泰", "TWN": "台", "HKG": "港", "ESP": "西",
    "PRT": "葡", "NLD": "荷", "BEL": "比", "SGP": "新", "MYS": "马", "MNG": "蒙",
    "KAZ": "哈", "SAU": "沙", "SYR": "叙", "EGY": "埃", "MEX": "墨",
    "MMR": "缅", "KHM": "柬", "BGD": "孟", "HUN": "匈", "CZE": "捷", "GRC": "希",
    "LBN": "黎",
}

# Official one-character abbreviations (简称) of China's provincial-level divisions, used in
# compounds (京津冀, 粤港澳) and after verbs (抵京, 援藏). Left out where the character is
# another country's abbreviation or too common a word on its own: 新 (Singapore), 蒙
# (Mongolia), 台, 港, 澳, and 晋 桂 川 蜀 苏 吉 黑 宁 青 甘 陇.
CN_PROVINCE_ABBR = {
    "北京": "京", "天津": "津", "上海": "沪", "重庆": "渝", "河北": "冀", "河南": "豫",
    "山东": "鲁", "辽宁": "辽", "安徽": "皖", "福建": "闽", "江西": "赣", "湖南": "湘",
    "湖北": "鄂", "广东": "粤", "海南": "琼", "贵州": "黔", "云南": "滇", "陕西": "陕",
    "浙江": "浙", "西藏": "藏",
}

# Sovereign of dependent territories (left empty where the sovereignty is disputed:
# FLK, SGS, IOT, ESH, TWN).
COUNTRY_SOVEREIGN = {
    "ABW": "nld", "AIA": "gbr", "ALA": "fin", "ASM": "usa", "ATF": "fra", "BES": "nld",
    "BLM": "fra", "BMU": "gbr", "BVT": "nor", "CCK": "aus", "COK": "nzl", "CUW": "nld",
    "CXR": "aus", "CYM": "gbr", "FRO": "dnk", "GGY": "gbr", "GIB": "gbr", "GLP": "fra",
    "GRL": "dnk", "GUF": "fra", "GUM": "usa", "HKG": "chn", "HMD": "aus", "IMN": "gbr",
    "JEY": "gbr", "MAC": "chn", "MAF": "fra", "MNP": "usa", "MSR": "gbr", "MTQ": "fra",
    "MYT": "fra", "NCL": "fra", "NFK": "aus", "NIU": "nzl", "PCN": "gbr", "PRI": "usa",
    "PYF": "fra", "REU": "fra", "SHN": "gbr", "SJM": "nor", "SPM": "fra", "SXM": "nld",
    "TCA": "gbr", "TKL": "nzl", "UMI": "usa", "VGB": "gbr", "VIR": "usa", "WLF": "fra",
}

# --------------------------------------------------------------------------------------------
# World cities from CLDR exemplar cities
# --------------------------------------------------------------------------------------------

# Zones whose exemplar city is skipped: prefixes, then single zones.
EXEMPLAR_SKIP_PREFIX = ("Etc/", "Antarctica/", "America/Argentina/", "America/Indiana/",
                        "America/North_Dakota/", "America/Kentucky/")
EXEMPLAR_SKIP = {
    # China, HK, Macau, Taiwan: covered by china-division / countries.tsv
    "Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei",
    # in the hand-curated list with better data
    "Europe/Kiev", "Asia/Gaza",
    # islands or territories that are countries.tsv rows under another spelling
    "America/Antigua", "America/St_Kitts", "America/St_Vincent", "America/St_Lucia",
    "America/Cayman", "America/St_Barthelemy", "America/Miquelon", "Pacific/Pitcairn",
    "Pacific/Wallis", "Atlantic/Faeroe", "Atlantic/South_Georgia", "Indian/Cocos",
    "Indian/Chagos", "Europe/Busingen",
    # names that are common words or people's names in news
    "Australia/Darwin",        # 达尔文 (Charles Darwin)
    "Australia/Lindeman",      # 林德曼
    "America/Mendoza",         # 门多萨 (surname)
    "America/Cordoba", "America/Catamarca", "America/Jujuy",
    "America/Dawson",          # 道森
    "America/Juneau",          # 朱诺
    "America/Nome",            # 诺姆
    "America/Regina",          # 里贾纳 (given name)
    "America/Cayenne",         # 卡宴 (Porsche Cayenne)
    "America/St_Thomas",       # 圣托马斯
    "America/Coral_Harbour",   # Atikokan, tiny
    "America/Creston", "America/Fort_Nelson", "America/Swift_Current",
    "America/Blanc-Sablon", "America/Glace_Bay", "America/Rankin_Inlet",
    "America/Resolute", "America/Menominee", "America/Metlakatla",
    "Asia/Oral",               # 乌拉尔 is the Ural region/mountains in news
    "Atlantic/Stanley",        # 斯坦利 (given name)
    "Pacific/Norfolk",         # also Norfolk, Virginia
    "Pacific/Chatham",         # 查塔姆 (Chatham House)
    "Pacific/Gambier",         # 甘比尔
    "Pacific/Wake",            # 威克
    "Europe/Kirov",            # 基洛夫 (Sergei Kirov)
    "Asia/Khandyga", "Asia/Ust-Nera", "Asia/Srednekolymsk",
}
# Name overrides: zone -> (name, extra aliases)
EXEMPLAR_OVERRIDE = {
    "Asia/Vladivostok": ("符拉迪沃斯托克", ["海参崴"]),
    "Pacific/Galapagos": ("加拉帕戈斯群岛", ["科隆群岛"]),
    "Asia/Sakhalin": ("萨哈林岛", ["萨哈林", "库页岛"]),
    "Pacific/Honolulu": ("檀香山", ["火奴鲁鲁"]),
    "Asia/Saigon": ("胡志明市", ["西贡"]),
    "Asia/Kamchatka": ("堪察加", ["堪察加半岛"]),
    "Atlantic/Canary": ("加那利群岛", ["加那利"]),
    "Atlantic/Azores": ("亚速尔群岛", []),
    "Atlantic/Madeira": ("马德拉群岛", ["马德拉"]),
    "Indian/Kerguelen": ("凯尔盖朗群岛", ["凯尔盖朗"]),
    "Pacific/Marquesas": ("马克萨斯群岛", ["马克萨斯"]),
    "Pacific/Saipan": ("塞班岛", ["塞班"]),
    "Pacific/Tahiti": ("塔希提岛", ["塔希提", "大溪地"]),
    "Pacific/Bougainville": ("布干维尔", ["布干维尔岛"]),
    "America/New_York": ("纽约", ["纽约市"]),
    "America/Mexico_City": ("墨西哥城", []),
    "Asia/Jerusalem": ("耶路撒冷", []),
    "Asia/Dubai": ("迪拜", []),
}
# English names for zones whose id is outdated and CLDR en has no exemplar override.
EXEMPLAR_EN = {"Europe/Kiev": "Kyiv", "Asia/Rangoon": "Yangon", "Atlantic/Canary": "Canary Islands",
               "Pacific/Kwajalein": "Kwajalein", "Pacific/Galapagos": "Galápagos Islands"}
# Country for zones that are not in pytz.country_timezones (old names, links) or where the
# zone.tab country should not be used ("" = leave empty).
ZONE_COUNTRY = {
    "Asia/Calcutta": "IN", "Asia/Katmandu": "NP", "Asia/Rangoon": "MM", "Asia/Saigon": "VN",
    "Europe/Kiev": "UA", "America/Godthab": "GL", "Pacific/Truk": "FM", "Pacific/Ponape": "FM",
    "Pacific/Enderbury": "KI", "Atlantic/Faeroe": "FO", "Africa/Asmera": "ER",
    "America/Buenos_Aires": "AR", "America/Indianapolis": "US", "America/Louisville": "US",
    "Europe/Simferopol": "UA", "Asia/Jerusalem": "",
}
# Regional (TW/HK) variants of exemplar cities that must not become aliases.
EXEMPLAR_VARIANT_DROP = {"开云", "芝娃娃", "卢安达", "杜里", "圣约翰", "自由市", "自由城",
                         "中心", "巴伊阿", "格兰场", "华雷斯"}
EXEMPLAR_VARIANT_AMBIGUOUS = {"圣地牙哥"}   # TW: both Santiago de Chile and San Diego

# --------------------------------------------------------------------------------------------
# China: provinces and prefecture-level divisions from china-division
# --------------------------------------------------------------------------------------------

ETHNIC = ["朝鲜族", "土家族", "苗族", "藏族", "羌族", "彝族", "布依族", "侗族", "哈尼族", "壮族",
          "傣族", "白族", "景颇族", "傈僳族", "回族", "蒙古族", "蒙古", "柯尔克孜", "哈萨克"]
# Short forms that are ordinary words, names or other places: kept only as `~` aliases
# (linked when the full form also appears), the full form becomes the name.
CN_SHORT_AMBIGUOUS = {
    "朝阳", "中山", "北海", "日照", "三明", "白山", "白银", "来宾", "中卫", "安康", "开封",
    "德州",  # also 得克萨斯 (Texas)
    "大同", "长治", "普洱", "巴中", "大理", "红河", "怒江", "哈密", "和田", "阿里", "海西",
    "四平", "文山", "海北",  # 四平八稳, 文山会海, 天南海北
}
# Short forms that are dropped altogether (taken by another row).
CN_SHORT_DROP = {"吉林市": "吉林", "海南藏族自治州": "海南"}
# Romanisation (id slug, English name) where plain pinyin is wrong or not the usual form.
CN_ROMAN = {
    "内蒙古": ("neimenggu", "Inner Mongolia"), "西藏": ("xizang", "Tibet"),
    "陕西": ("shaanxi", "Shaanxi"), "长治": ("changzhi", "Changzhi"),
    "朝阳": ("chaoyang", "Chaoyang"), "漯河": ("luohe", "Luohe"), "六安": ("luan", "Lu'an"),
    "吕梁": ("lvliang", "Lüliang"), "西安": ("xian", "Xi'an"), "吉安": ("jian", "Ji'an"),
    "昌都": ("changdu", "Chamdo"), "淮安": ("huaian", "Huai'an"), "马鞍山": ("maanshan", "Ma'anshan"),
    "泰安": ("taian", "Tai'an"), "延安": ("yanan", "Yan'an"), "雅安": ("yaan", "Ya'an"),
    "广安": ("guangan", "Guang'an"), "哈尔滨": ("harbin", "Harbin"),
    "乌鲁木齐": ("urumqi", "Urumqi"), "呼和浩特": ("hohhot", "Hohhot"), "拉萨": ("lhasa", "Lhasa"),
    "日喀则": ("shigatse", "Shigatse"), "林芝": ("nyingchi", "Nyingchi"), "那曲": ("nagqu", "Nagqu"),
    "阿里": ("ngari", "Ngari"), "山南": ("shannan", "Shannan"), "吐鲁番": ("turpan", "Turpan"),
    "和田": ("hotan", "Hotan"), "阿克苏": ("aksu", "Aksu"), "哈密": ("hami", "Hami"),
    "克拉玛依": ("karamay", "Karamay"), "喀什": ("kashgar", "Kashgar"), "伊犁": ("ili", "Ili"),
    "塔城": ("tacheng", "Tacheng"), "阿勒泰": ("altay", "Altay"), "昌吉": ("changji", "Changji"),
    "博尔塔拉": ("bortala", "Bortala"), "巴音郭楞": ("bayingolin", "Bayingolin"),
    "克孜勒苏": ("kizilsu", "Kizilsu"), "鄂尔多斯": ("ordos", "Ordos"),
    "呼伦贝尔": ("hulunbuir", "Hulunbuir"), "巴彦淖尔": ("bayannur", "Bayannur"),
    "乌兰察布": ("ulanqab", "Ulanqab"), "兴安": ("hinggan", "Hinggan"),
    "锡林郭勒": ("xilingol", "Xilingol"), "阿拉善": ("alxa", "Alxa"),
    "齐齐哈尔": ("qiqihar", "Qiqihar"), "大兴安岭": ("daxinganling", "Da Hinggan Ling"),
    "阿坝": ("aba", "Ngawa"), "甘孜": ("ganzi", "Garze"), "迪庆": ("diqing", "Diqing"),
    "果洛": ("golog", "Golog"), "厦门": ("xiamen", "Xiamen"), "包头": ("baotou", "Baotou"),
}
TW_SHORT_AMBIGUOUS = set()

# --------------------------------------------------------------------------------------------
# Hand-curated places: id | name | country | en | aliases (comma-separated)
# --------------------------------------------------------------------------------------------

HAND_PLACES = """
# --- capitals and major cities missing from CLDR exemplar cities
washington-dc|华盛顿|usa|Washington D.C.|华盛顿特区,华府
san-francisco|旧金山|usa|San Francisco|三藩市,圣弗朗西斯科
seattle|西雅图|usa|Seattle|
boston|波士顿|usa|Boston|
houston|休斯敦|usa|Houston|休士顿
miami|迈阿密|usa|Miami|
las-vegas|拉斯维加斯|usa|Las Vegas|
atlanta|亚特兰大|usa|Atlanta|
dallas|达拉斯|usa|Dallas|
philadelphia|费城|usa|Philadelphia|费拉德尔菲亚
san-diego|圣迭戈|usa|San Diego|~圣地牙哥
ottawa|渥太华|can|Ottawa|
montreal|蒙特利尔|can|Montreal|满地可
quebec|魁北克|can|Quebec|
new-delhi|新德里|ind|New Delhi|
delhi|德里|ind|Delhi|
mumbai|孟买|ind|Mumbai|
bengaluru|班加罗尔|ind|Bengaluru|
chennai|金奈|ind|Chennai|
canberra|堪培拉|aus|Canberra|坎培拉
wellington|惠灵顿|nzl|Wellington|
christchurch|基督城|nzl|Christchurch|克赖斯特彻奇
brasilia|巴西利亚|bra|Brasília|
rio-de-janeiro|里约热内卢|bra|Rio de Janeiro|里约
islamabad|伊斯兰堡|pak|Islamabad|
lahore|拉合尔|pak|Lahore|
peshawar|白沙瓦|pak|Peshawar|
quetta|奎达|pak|Quetta|
gwadar|瓜达尔|pak|Gwadar|瓜达尔港
ankara|安卡拉|tur|Ankara|
izmir|伊兹密尔|tur|Izmir|
abuja|阿布贾|nga|Abuja|
pretoria|比勒陀利亚|zaf|Pretoria|
cape-town|开普敦|zaf|Cape Town|
durban|德班|zaf|Durban|
hanoi|河内|vnm|Hanoi|
da-nang|岘港|vnm|Da Nang|
naypyidaw|内比都|mmr|Naypyidaw|
mandalay|曼德勒|mmr|Mandalay|
astana|阿斯塔纳|kaz|Astana|努尔苏丹
bern|伯尔尼|che|Bern|
geneva|日内瓦|che|Geneva|
davos|达沃斯|che|Davos|
lausanne|洛桑|che|Lausanne|
rabat|拉巴特|mar|Rabat|
marrakesh|马拉喀什|mar|Marrakesh|
abu-dhabi|阿布扎比|are|Abu Dhabi|阿布达比
doha|多哈|qat|Doha|
kuwait-city|科威特城|kwt|Kuwait City|
manama|麦纳麦|bhr|Manama|
sanaa|萨那|yem|Sanaa|
hodeidah|荷台达|yem|Hodeidah|荷台达港
jeddah|吉达|sau|Jeddah|
mecca|麦加|sau|Mecca|
medina|麦地那|sau|Medina|
tel-aviv|特拉维夫|isr|Tel Aviv|
haifa|海法|isr|Haifa|
ramallah|拉姆安拉|pse|Ramallah|拉马拉
gaza-city|加沙城|pse|Gaza City|加萨市
rafah|拉法|pse|Rafah|
khan-younis|汗尤尼斯|pse|Khan Younis|
jenin|杰宁|pse|Jenin|
nablus|纳布卢斯|pse|Nablus|
basra|巴士拉|irq|Basra|
mosul|摩苏尔|irq|Mosul|
erbil|埃尔比勒|irq|Erbil|
kirkuk|基尔库克|irq|Kirkuk|
aleppo|阿勒颇|syr|Aleppo|
idlib|伊德利卜|syr|Idlib|
raqqa|拉卡|syr|Raqqa|
isfahan|伊斯法罕|irn|Isfahan|
mashhad|马什哈德|irn|Mashhad|
quito|基多|ecu|Quito|
kingston|金斯敦|jam|Kingston|
port-louis|路易港|mus|Port Louis|
lilongwe|利隆圭|mwi|Lilongwe|
dodoma|多多马|tza|Dodoma|
yaounde|雅温得|cmr|Yaoundé|
gitega|基特加|bdi|Gitega|
yamoussoukro|亚穆苏克罗|civ|Yamoussoukro|
praia|普拉亚|cpv|Praia|
moroni|莫罗尼|com|Moroni|
male|马累|mdv|Malé|
bandar-seri-begawan|斯里巴加湾市|brn|Bandar Seri Begawan|斯里巴加湾
putrajaya|布城|mys|Putrajaya|布特拉加亚
valletta|瓦莱塔|mlt|Valletta|
andorra-la-vella|安道尔城|and|Andorra la Vella|
pristina|普里什蒂纳|srb|Pristina|
guatemala-city|危地马拉城|gtm|Guatemala City|
belmopan|贝尔莫潘|blz|Belmopan|
san-salvador|圣萨尔瓦多|slv|San Salvador|
panama-city|巴拿马城|pan|Panama City|
georgetown|乔治敦|guy|Georgetown|
bridgetown|布里奇顿|brb|Bridgetown|
basseterre|巴斯特尔|kna|Basseterre|
castries|卡斯特里|lca|Castries|
suva|苏瓦|fji|Suva|
honiara|霍尼亚拉|slb|Honiara|
port-vila|维拉港|vut|Port Vila|
nukualofa|努库阿洛法|ton|Nuku'alofa|
palikir|帕利基尔|fsm|Palikir|
st-petersburg|圣彼得堡|rus|Saint Petersburg|列宁格勒
kazan|喀山|rus|Kazan|
sochi|索契|rus|Sochi|
khabarovsk|哈巴罗夫斯克|rus|Khabarovsk|伯力
murmansk|摩尔曼斯克|rus|Murmansk|
belgorod|别尔哥罗德|rus|Belgorod|
kursk|库尔斯克|rus|Kursk|
bryansk|布良斯克|rus|Bryansk|
rostov-on-don|顿河畔罗斯托夫|rus|Rostov-on-Don|罗斯托夫
krasnodar|克拉斯诺达尔|rus|Krasnodar|
nizhny-novgorod|下诺夫哥罗德|rus|Nizhny Novgorod|
manchester|曼彻斯特|gbr|Manchester|
liverpool|利物浦|gbr|Liverpool|
birmingham|伯明翰|gbr|Birmingham|
edinburgh|爱丁堡|gbr|Edinburgh|
glasgow|格拉斯哥|gbr|Glasgow|
belfast|贝尔法斯特|gbr|Belfast|
cardiff|加的夫|gbr|Cardiff|卡迪夫
oxford|牛津|gbr|Oxford|
cambridge|剑桥|gbr|Cambridge|
hamburg|汉堡|deu|Hamburg|
munich|慕尼黑|deu|Munich|
frankfurt|法兰克福|deu|Frankfurt|
cologne|科隆|deu|Cologne|
dusseldorf|杜塞尔多夫|deu|Düsseldorf|
stuttgart|斯图加特|deu|Stuttgart|
bonn|波恩|deu|Bonn|
dresden|德累斯顿|deu|Dresden|
leipzig|莱比锡|deu|Leipzig|
marseille|马赛|fra|Marseille|
lyon|里昂|fra|Lyon|
nice|尼斯|fra|Nice|
strasbourg|斯特拉斯堡|fra|Strasbourg|
bordeaux|波尔多|fra|Bordeaux|
milan|米兰|ita|Milan|
venice|威尼斯|ita|Venice|
florence|佛罗伦萨|ita|Florence|翡冷翠
naples|那不勒斯|ita|Naples|
turin|都灵|ita|Turin|
barcelona|巴塞罗那|esp|Barcelona|
valencia|巴伦西亚|esp|Valencia|瓦伦西亚
seville|塞维利亚|esp|Seville|
porto|波尔图|prt|Porto|
rotterdam|鹿特丹|nld|Rotterdam|
the-hague|海牙|nld|The Hague|
antwerp|安特卫普|bel|Antwerp|
salzburg|萨尔茨堡|aut|Salzburg|
krakow|克拉科夫|pol|Kraków|
gdansk|格但斯克|pol|Gdańsk|
rzeszow|热舒夫|pol|Rzeszów|
osaka|大阪|jpn|Osaka|大坂
kyoto|京都|jpn|Kyoto|
yokohama|横滨|jpn|Yokohama|
nagoya|名古屋|jpn|Nagoya|
fukuoka|福冈|jpn|Fukuoka|
hiroshima|广岛|jpn|Hiroshima|
nagasaki|长崎|jpn|Nagasaki|
fukushima|福岛|jpn|Fukushima|福岛县
sapporo|札幌|jpn|Sapporo|
kobe|神户|jpn|Kobe|
okinawa|冲绳|jpn|Okinawa|冲绳县,冲绳岛
busan|釜山|kor|Busan|
incheon|仁川|kor|Incheon|
daegu|大邱|kor|Daegu|
gwangju|光州|kor|Gwangju|
jeju|济州岛|kor|Jeju|济州
kaesong|开城|prk|Kaesong|
sinuiju|新义州|prk|Sinuiju|
cebu|宿务|phl|Cebu|
davao|达沃|phl|Davao|
surabaya|泗水|idn|Surabaya|苏腊巴亚
bali|巴厘岛|idn|Bali|巴厘,峇里岛
penang|槟城|mys|Penang|槟榔屿
chiang-mai|清迈|tha|Chiang Mai|
phuket|普吉岛|tha|Phuket|普吉
pattaya|芭提雅|tha|Pattaya|芭堤雅
siem-reap|暹粒|khm|Siem Reap|
sihanoukville|西哈努克港|khm|Sihanoukville|西港
mombasa|蒙巴萨|ken|Mombasa|
benghazi|班加西|lby|Benghazi|
sharm-el-sheikh|沙姆沙伊赫|egy|Sharm el-Sheikh|
goma|戈马|cod|Goma|
medellin|麦德林|col|Medellín|
guadalajara|瓜达拉哈拉|mex|Guadalajara|
# --- Ukraine war
kyiv|基辅|ukr|Kyiv|基辅市
kharkiv|哈尔科夫|ukr|Kharkiv|哈尔基夫
kherson|赫尔松|ukr|Kherson|
mariupol|马里乌波尔|ukr|Mariupol|
odesa|敖德萨|ukr|Odesa|奥德萨
bakhmut|巴赫穆特|ukr|Bakhmut|阿尔乔莫夫斯克
zaporizhzhia|扎波罗热|ukr|Zaporizhzhia|扎波罗热州,扎波罗日耶
donetsk|顿涅茨克|ukr|Donetsk|顿涅茨克州
luhansk|卢甘斯克|ukr|Luhansk|卢甘斯克州,卢汉斯克
donbas|顿巴斯|ukr|Donbas|顿巴斯地区
crimea|克里米亚|ukr|Crimea|克里米亚半岛,克里木,克里木半岛
sevastopol|塞瓦斯托波尔|ukr|Sevastopol|
lviv|利沃夫|ukr|Lviv|利维夫
dnipro|第聂伯罗|ukr|Dnipro|第聂伯罗彼得罗夫斯克
sumy|苏梅|ukr|Sumy|
chernihiv|切尔尼戈夫|ukr|Chernihiv|切尔尼希夫
avdiivka|阿夫迪伊夫卡|ukr|Avdiivka|
sievierodonetsk|北顿涅茨克|ukr|Sievierodonetsk|
lysychansk|利西昌斯克|ukr|Lysychansk|
pokrovsk|波克罗夫斯克|ukr|Pokrovsk|
kupiansk|库皮扬斯克|ukr|Kupiansk|
bucha|布恰|ukr|Bucha|
izium|伊久姆|ukr|Izium|
kramatorsk|克拉马托尔斯克|ukr|Kramatorsk|
mykolaiv|尼古拉耶夫|ukr|Mykolaiv|米科拉伊夫
chernobyl|切尔诺贝利|ukr|Chernobyl|
kerch-strait|刻赤海峡||Kerch Strait|
sea-of-azov|亚速海||Sea of Azov|
# --- Europe, Caucasus, Russia
transnistria|德涅斯特河沿岸|mda|Transnistria|德左,德涅斯特河左岸
abkhazia|阿布哈兹|geo|Abkhazia|
south-ossetia|南奥塞梯|geo|South Ossetia|
chechnya|车臣|rus|Chechnya|车臣共和国
dagestan|达吉斯坦|rus|Dagestan|
siberia|西伯利亚|rus|Siberia|
caucasus|高加索||Caucasus|高加索地区
nagorno-karabakh|纳卡|aze|Nagorno-Karabakh|纳戈尔诺-卡拉巴赫,纳卡地区,纳戈尔诺-卡拉巴赫地区
kosovo|科索沃|srb|Kosovo|
catalonia|加泰罗尼亚|esp|Catalonia|加泰隆尼亚
basque-country|巴斯克|esp|Basque Country|巴斯克地区
scotland|苏格兰|gbr|Scotland|
northern-ireland|北爱尔兰|gbr|Northern Ireland|北爱
wales|威尔士|gbr|Wales|
england|英格兰|gbr|England|
alsace|阿尔萨斯|fra|Alsace|
balkans|巴尔干||Balkans|巴尔干半岛,巴尔干地区
scandinavia|斯堪的纳维亚||Scandinavia|斯堪的纳维亚半岛
# --- seas, straits, canals, oceans
baltic-sea|波罗的海||Baltic Sea|
black-sea|黑海||Black Sea|
red-sea|红海||Red Sea|
mediterranean-sea|地中海||Mediterranean Sea|
caspian-sea|里海||Caspian Sea|
arabian-sea|阿拉伯海||Arabian Sea|
persian-gulf|波斯湾||Persian Gulf|阿拉伯湾
gulf-of-aden|亚丁湾||Gulf of Aden|
gulf-of-oman|阿曼湾||Gulf of Oman|
strait-of-hormuz|霍尔木兹海峡||Strait of Hormuz|
bab-el-mandeb|曼德海峡||Bab-el-Mandeb|
suez-canal|苏伊士运河|egy|Suez Canal|
panama-canal|巴拿马运河|pan|Panama Canal|
strait-of-malacca|马六甲海峡||Strait of Malacca|
taiwan-strait|台海||Taiwan Strait|台湾海峡
bashi-channel|巴士海峡||Bashi Channel|
miyako-strait|宫古海峡||Miyako Strait|
korea-strait|朝鲜海峡||Korea Strait|对马海峡
bering-strait|白令海峡||Bering Strait|
english-channel|英吉利海峡||English Channel|拉芒什海峡
strait-of-gibraltar|直布罗陀海峡||Strait of Gibraltar|
bosphorus|博斯普鲁斯海峡|tur|Bosphorus|
dardanelles|达达尼尔海峡|tur|Dardanelles|
turkish-straits|土耳其海峡|tur|Turkish Straits|黑海海峡
south-china-sea|南海||South China Sea|中国南海,南中国海
east-china-sea|东海||East China Sea|中国东海
yellow-sea|黄海||Yellow Sea|
bohai-sea|渤海|chn|Bohai Sea|渤海湾
sea-of-japan|日本海||Sea of Japan|
sea-of-okhotsk|鄂霍次克海||Sea of Okhotsk|
philippine-sea|菲律宾海||Philippine Sea|
pacific-ocean|太平洋||Pacific Ocean|
atlantic-ocean|大西洋||Atlantic Ocean|
indian-ocean|印度洋||Indian Ocean|
arctic-ocean|北冰洋||Arctic Ocean|
arctic|北极||Arctic|北极地区
caribbean|加勒比||Caribbean|加勒比海,加勒比地区
gulf-of-mexico|墨西哥湾||Gulf of Mexico|美国湾
# --- East Asia, disputed islands and borders
korean-peninsula|朝鲜半岛||Korean Peninsula|韩半岛
panmunjom|板门店||Panmunjom|
diaoyu-islands|钓鱼岛|chn|Diaoyu Islands|钓鱼岛及其附属岛屿,~钓鱼台,钓鱼台列屿,尖阁诸岛,尖阁列岛
spratly-islands|南沙群岛|chn|Nansha Islands|~南沙,斯普拉特利群岛
paracel-islands|西沙群岛|chn|Xisha Islands|西沙
zhongsha-islands|中沙群岛|chn|Zhongsha Islands|
pratas-islands|东沙群岛|chn|Dongsha Islands|
huangyan-island|黄岩岛|chn|Huangyan Island|民主礁,斯卡伯勒浅滩
renai-reef|仁爱礁|chn|Ren'ai Reef|阿云金礁,第二托马斯浅滩
meiji-reef|美济礁|chn|Meiji Reef|
yongshu-reef|永暑礁|chn|Yongshu Reef|
kinmen|金门|twn|Kinmen|金门岛
matsu|马祖列岛|twn|Matsu Islands|~马祖
dokdo|独岛|kor|Dokdo|竹岛
kuril-islands|千岛群岛|rus|Kuril Islands|
southern-kurils|北方四岛||Southern Kuril Islands|南千岛群岛
kashmir|克什米尔||Kashmir|克什米尔地区,查谟和克什米尔
ladakh|拉达克||Ladakh|
aksai-chin|阿克赛钦|chn|Aksai Chin|
zangnan|藏南|chn|Zangnan|藏南地区
galwan-valley|加勒万河谷||Galwan Valley|
doklam|洞朗||Doklam|洞朗地区
balochistan|俾路支斯坦|pak|Balochistan|俾路支省
himalayas|喜马拉雅山脉||Himalayas|喜马拉雅,喜马拉雅山
everest|珠穆朗玛峰||Mount Everest|珠峰
mekong|湄公河||Mekong River|
lancang-river|澜沧江|chn|Lancang River|
yangtze|长江|chn|Yangtze River|
yellow-river|黄河|chn|Yellow River|
greater-bay-area|粤港澳大湾区|chn|Guangdong-Hong Kong-Macao Greater Bay Area|大湾区
yangtze-river-delta|长三角|chn|Yangtze River Delta|长江三角洲
pearl-river-delta|珠三角|chn|Pearl River Delta|珠江三角洲
jing-jin-ji|京津冀|chn|Beijing-Tianjin-Hebei|
xiongan|雄安新区|chn|Xiong'an New Area|雄安
pudong|浦东|chn|Pudong|浦东新区
# --- Americas
alaska|阿拉斯加|usa|Alaska|阿拉斯加州
hawaii|夏威夷|usa|Hawaii|夏威夷州
california|加利福尼亚|usa|California|加州,加利福尼亚州
texas|得克萨斯|usa|Texas|得州,得克萨斯州,德克萨斯,德克萨斯州,~德州
florida|佛罗里达|usa|Florida|佛罗里达州,佛州
silicon-valley|硅谷|usa|Silicon Valley|
wall-street|华尔街|usa|Wall Street|
pearl-harbor|珍珠港|usa|Pearl Harbor|
guantanamo|关塔那摩|cub|Guantánamo|关塔那摩湾
# --- Africa
darfur|达尔富尔|sdn|Darfur|
tigray|提格雷|eth|Tigray|提格雷州
sahel|萨赫勒||Sahel|萨赫勒地区
horn-of-africa|非洲之角||Horn of Africa|
sahara|撒哈拉沙漠||Sahara|撒哈拉
somaliland|索马里兰|som|Somaliland|
zanzibar|桑给巴尔|tza|Zanzibar|
sinai|西奈半岛|egy|Sinai Peninsula|西奈
# --- Middle East
gaza-strip|加沙|pse|Gaza Strip|加沙地带,加萨,加萨走廊
west-bank|约旦河西岸|pse|West Bank|
east-jerusalem|东耶路撒冷|pse|East Jerusalem|
golan-heights|戈兰高地|syr|Golan Heights|
kurdistan|库尔德斯坦||Kurdistan|库尔德地区
arabian-peninsula|阿拉伯半岛||Arabian Peninsula|
gulf-region|海湾地区||Gulf region|
maghreb|马格里布||Maghreb|
# --- continents and world regions
europe|欧洲||Europe|
asia|亚洲||Asia|
africa|非洲||Africa|
north-america|北美||North America|北美洲
south-america|南美||South America|南美洲
latin-america|拉丁美洲||Latin America|拉美
central-america|中美洲||Central America|
oceania|大洋洲||Oceania|
middle-east|中东||Middle East|中东地区
southeast-asia|东南亚||Southeast Asia|
south-asia|南亚||South Asia|
central-asia|中亚||Central Asia|
east-asia|东亚||East Asia|
west-asia|西亚||West Asia|
northeast-asia|东北亚||Northeast Asia|
north-africa|北非||North Africa|
west-africa|西非||West Africa|
east-africa|东非||East Africa|
sub-saharan-africa|撒哈拉以南非洲||Sub-Saharan Africa|
indo-pacific|印太||Indo-Pacific|印太地区
asia-pacific|亚太||Asia-Pacific|亚太地区
eurasia|欧亚||Eurasia|欧亚大陆
northern-europe|北欧||Northern Europe|
eastern-europe|东欧||Eastern Europe|
western-europe|西欧||Western Europe|
southern-europe|南欧||Southern Europe|
"""

# --------------------------------------------------------------------------------------------


def die(msg):
    print("gen_places: " + msg, file=sys.stderr)
    sys.exit(1)


def load_json(nm, rel):
    path = os.path.join(nm, rel)
    if not os.path.exists(path):
        die(f"missing {path}: install the npm packages (see the top of this script)")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def slug(text):
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    t = re.sub(r"[^a-zA-Z0-9]+", "-", t).strip("-").lower()
    return t


def clean(s):
    s = re.sub(r"\s+", "", s)
    s = s.replace("・", "·").replace("•", "·").replace("‧", "·")
    return s


def strip_paren(s):
    return re.sub(r"[（(][^）)]*[）)]", "", s)


class Row:
    def __init__(self, id, name, country="", en="", aliases=(), abbr="", section=""):
        self.id, self.name, self.country, self.en = id, name, country, en
        self.aliases = []
        for a in aliases:
            self.add(a)
        self.abbr = abbr
        self.section = section

    def add(self, alias):
        alias = clean(alias) if not alias.startswith("~") else "~" + clean(alias[1:])
        bare = alias.lstrip("~")
        if not bare or bare == self.name:
            return
        # an unmarked form wins over a marked one
        if alias in self.aliases:
            return
        if alias.startswith("~") and bare in self.aliases:
            return
        if not alias.startswith("~") and "~" + bare in self.aliases:
            self.aliases.remove("~" + bare)
        self.aliases.append(alias)

    def forms(self):
        return [self.name] + [a.lstrip("~") for a in self.aliases]

    def fields(self):
        return [self.id, self.name, "place", self.country, self.en, "|".join(self.aliases), self.abbr]


# --------------------------------------------------------------------------------------------


def build_countries(nm, cc):
    import pycountry

    def terr(loc):
        return load_json(nm, f"cldr-localenames-full/main/{loc}/territories.json")[
            "main"][loc]["localeDisplayNames"]["territories"]

    zh, hant, hk, en = terr("zh"), terr("zh-Hant"), terr("zh-Hant-HK"), terr("en")
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        a2, a3 = c.alpha_2, c.alpha_3
        if a2 not in zh:
            die(f"CLDR has no zh name for {a2}")
        name = COUNTRY_NAME.get(a3, clean(zh[a2]))
        eng = COUNTRY_EN.get(a3, en.get(a2, c.name).replace(" & ", " and "))
        cands = []
        for table, conv in ((zh, False), (hant, True), (hk, True)):
            for key in [a2] + sorted(k for k in table if k.startswith(a2 + "-alt-")):
                if key in table:
                    v = clean(cc.convert(table[key]) if conv else table[key])
                    cands.append(v)
        drop = COUNTRY_DROP.get(a3, set())
        amb = COUNTRY_MARK_AMBIGUOUS.get(a3, set())
        row = Row(a3.lower(), name, COUNTRY_SOVEREIGN.get(a3, ""), eng, section="countries")
        for v in COUNTRY_ALIASES.get(a3, "").split("|"):
            if v:
                row.add(v)
        for v in cands:
            if v in drop:
                continue
            if "(" in v or "（" in v:
                v = strip_paren(v)
            row.add(("~" + v) if v in amb else v)
        for v in COUNTRY_EXTRA_ALIASES_AFTER.get(a3, []):
            row.add(v)
        row.abbr = COUNTRY_ABBR.get(a3, "")
        rows.append(row)
    if len(rows) != 249:
        die(f"expected 249 ISO 3166-1 entries, got {len(rows)}")
    return rows


def build_exemplar(nm, cc, country_forms, taken_ids):
    import pytz

    def zones(loc):
        d = load_json(nm, f"cldr-dates-full/main/{loc}/timeZoneNames.json")[
            "main"][loc]["dates"]["timeZoneNames"]["zone"]
        out = {}

        def walk(p, x):
            if isinstance(x, dict):
                if "exemplarCity" in x:
                    out["/".join(p)] = x["exemplarCity"]
                for k, v in x.items():
                    walk(p + [k], v)
        walk([], d)
        return out

    zh, hant, hk, en = zones("zh"), zones("zh-Hant"), zones("zh-Hant-HK"), zones("en")
    zone_cc = {}
    for code, zs in pytz.country_timezones.items():
        for z in zs:
            zone_cc[z] = code
    rows = []
    for zone in sorted(zh):
        if zone.startswith(EXEMPLAR_SKIP_PREFIX) or zone in EXEMPLAR_SKIP:
            continue
        code = ZONE_COUNTRY.get(zone, zone_cc.get(zone))
        if code is None:
            die(f"no country for zone {zone}: add it to ZONE_COUNTRY")
        name, extra = EXEMPLAR_OVERRIDE.get(zone, (clean(zh[zone]), []))
        if name in country_forms:       # city-states, islands named like their territory
            continue
        eng = EXEMPLAR_EN.get(zone) or en.get(zone) or zone.split("/")[-1].replace("_", " ")
        country = ""
        if code:
            import pycountry
            country = pycountry.countries.get(alpha_2=code).alpha_3.lower()
        rid = slug(eng)
        if rid in taken_ids or len(rid) == 3:
            rid = f"{rid}-{country}"
        row = Row(rid, name, country, eng, extra, section="exemplar")
        for t in (hant, hk):
            if zone in t:
                v = clean(cc.convert(t[zone]))
                if v in EXEMPLAR_VARIANT_DROP or v in country_forms:
                    continue
                row.add(("~" + v) if v in EXEMPLAR_VARIANT_AMBIGUOUS else v)
        if clean(zh[zone]) != name:
            row.add(clean(zh[zone]))
        rows.append(row)
    return rows


def pinyin_id(short):
    from pypinyin import lazy_pinyin
    if short in CN_ROMAN:
        return CN_ROMAN[short][0]
    return "".join(lazy_pinyin(short)).replace("ü", "v")


def en_name(short):
    if short in CN_ROMAN:
        return CN_ROMAN[short][1]
    p = pinyin_id(short)
    return p[:1].upper() + p[1:]


def short_form(full):
    s = full
    for suf in ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "地区",
                "盟", "省", "市", "县"):
        if s.endswith(suf) and len(s) > len(suf) + 1:
            s = s[: -len(suf)]
            break
    changed = True
    while changed:
        changed = False
        for e in ETHNIC:
            if s.endswith(e) and len(s) > len(e) + 1:
                s = s[: -len(e)]
                changed = True
    return s


def build_china(nm):
    provs = load_json(nm, "china-division/dist/provinces.json")
    cities = load_json(nm, "china-division/dist/cities.json")
    rows, ids = [], set()
    pslug = {}
    for p in provs:
        full = p["name"]
        short = short_form(full)
        pid = "cn-" + pinyin_id(short)
        pslug[p["code"]] = pinyin_id(short)
        ids.add(pid)
        rows.append(Row(pid, short, "chn", en_name(short), [full],
                        abbr=CN_PROVINCE_ABBR.get(short, ""), section="china"))
    for c in cities:
        full = c["name"]
        if full in ("市辖区", "县") or "直辖" in full:
            continue
        short = short_form(full)
        cid = "cn-" + pinyin_id(short)
        if cid in ids:
            cid = f"{cid}-{pslug[c['provinceCode']]}"
        ids.add(cid)
        if CN_SHORT_DROP.get(full) == short or short in CN_SHORT_AMBIGUOUS:
            row = Row(cid, full, "chn", en_name(short), section="china")
            if short in CN_SHORT_AMBIGUOUS:
                row.add("~" + short)
        elif len(short) < 2 or short == full:
            row = Row(cid, full, "chn", en_name(short), section="china")
        else:
            row = Row(cid, short, "chn", en_name(short), [full], section="china")
        rows.append(row)
    return rows


def build_taiwan(nm):
    data = load_json(nm, "china-division/dist/HK-MO-TW.json")
    rows, seen = [], set()
    tw_en = {"台北": "Taipei", "新北": "New Taipei", "桃园": "Taoyuan", "台中": "Taichung",
             "台南": "Tainan", "高雄": "Kaohsiung", "基隆": "Keelung", "新竹": "Hsinchu",
             "嘉义": "Chiayi", "苗栗": "Miaoli", "彰化": "Changhua", "南投": "Nantou",
             "云林": "Yunlin", "屏东": "Pingtung", "宜兰": "Yilan", "花莲": "Hualien",
             "台东": "Taitung", "澎湖": "Penghu"}
    for full in data.get("台湾省", {}):
        short = short_form(full)
        base = tw_en.get(short) or en_name(short)
        rid = "tw-" + slug(base)
        if short in seen:        # 新竹县/嘉义县 after 新竹市/嘉义市: full form only
            rows.append(Row(rid + "-county", full, "twn", base + " County", section="taiwan"))
            continue
        seen.add(short)
        rows.append(Row(rid, short, "twn", base, [full], section="taiwan"))
    return rows


def build_hand():
    rows = []
    for line in HAND_PLACES.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("|")
        if len(parts) != 5:
            die(f"bad HAND_PLACES line: {line}")
        rid, name, country, en, aliases = parts
        rows.append(Row(rid, name, country, en, [a for a in aliases.split(",") if a], section="hand"))
    return rows


# --------------------------------------------------------------------------------------------


def write_tsv(path, rows, title, sections):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# {title}\n")
        f.write("# GENERATED by scripts/gen_places.py from CLDR, china-division and the script's own\n")
        f.write("# hand-curated tables. Do not edit by hand: change the script and rerun it.\n")
        f.write("\t".join(HEADER) + "\n")
        for sec, label in sections:
            sec_rows = [r for r in rows if r.section == sec]
            if not sec_rows:
                continue
            f.write(f"# --- {label}\n")
            for r in sec_rows:
                f.write("\t".join(r.fields()) + "\n")


def read_tsv(path):
    out = []
    with open(path, encoding="utf-8") as f:
        header = None
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if header is None:
                header = line.split("\t")
                continue
            out.append((n, line))
    return header, out


def check(paths, t2s=None):
    """Validate the TSV files; returns a list of error strings."""
    errs = []
    rows = []
    for path in paths:
        header, lines = read_tsv(path)
        if header != HEADER:
            errs.append(f"{path}: header {header} != {HEADER}")
            continue
        for n, line in lines:
            f = line.split("\t")
            where = f"{os.path.basename(path)}:{n}"
            if len(f) != len(HEADER):
                errs.append(f"{where}: {len(f)} fields")
                continue
            d = dict(zip(HEADER, f))
            d["where"], d["file"] = where, os.path.basename(path)
            rows.append(d)
    ids = {}
    for d in rows:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", d["id"]):
            errs.append(f"{d['where']}: bad id {d['id']!r}")
        if d["id"] in ids:
            errs.append(f"{d['where']}: duplicate id {d['id']} (also {ids[d['id']]})")
        ids[d["id"]] = d["where"]
        if d["file"] == "places.tsv" and len(d["id"]) == 3:
            errs.append(f"{d['where']}: place id {d['id']} looks like a country code")
        if d["type"] != "place":
            errs.append(f"{d['where']}: type {d['type']}")
        for k in HEADER:
            if "," in d[k] or "，" in d[k]:
                errs.append(f"{d['where']}: comma in {k}")
        if not d["name"] or d["name"].startswith("~") or "|" in d["name"]:
            errs.append(f"{d['where']}: bad name {d['name']!r}")
        if re.search(r"[A-Za-z]", d["name"]):
            errs.append(f"{d['where']}: Latin letters in name {d['name']!r}")
    countries = {d["id"] for d in rows if d["file"] == "countries.tsv"}
    for d in rows:
        if d["country"] and d["country"] not in countries:
            errs.append(f"{d['where']}: unknown country {d['country']!r}")
        if d["abbr"]:
            for a in d["abbr"].split("|"):
                if len(a) != 1:
                    errs.append(f"{d['where']}: abbr {a!r} is not one character")
    # surface forms
    names = {}
    for d in rows:
        names.setdefault(d["name"], []).append(d)
    for nm, ds in names.items():
        if len(ds) > 1:
            errs.append(f"name {nm} used by " + ", ".join(x["id"] for x in ds))
    alias_use = {}
    for d in rows:
        als = d["aliases"].split("|") if d["aliases"] else []
        seen = set()
        for a in als:
            bare = a[1:] if a.startswith("~") else a
            if not bare:
                errs.append(f"{d['where']}: empty alias")
                continue
            if len(bare) < 2:
                errs.append(f"{d['where']}: one-character alias {a!r}")
            if bare in seen or bare == d["name"]:
                errs.append(f"{d['where']}: repeated alias {a!r}")
            seen.add(bare)
            alias_use.setdefault(bare, []).append((d, a.startswith("~")))
    if t2s:
        for d in rows:
            for form in [d["name"]] + [a.lstrip("~") for a in d["aliases"].split("|") if a]:
                changed = [c for c in form if t2s.get(c, c) != c]
                # allowed when the converted form is an alias of the same row
                conv = "".join(t2s.get(c, c) for c in form)
                if changed and conv not in [d["name"]] + [a.lstrip("~") for a in d["aliases"].split("|")]:
                    errs.append(f"{d['where']}: {form!r} is changed by fast2s to {conv!r}")
    for bare, uses in alias_use.items():
        if len(uses) > 1 and not all(m for _, m in uses):
            errs.append(f"alias {bare} shared by " + ", ".join(d["id"] for d, _ in uses)
                        + " without ~ on all")
        if bare in names:
            for d, marked in uses:
                if not marked:
                    errs.append(f"{d['where']}: alias {bare} is the name of "
                                + ", ".join(x["id"] for x in names[bare]))
    return errs, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--node-modules", default=os.environ.get("NEWSGRAPH_NODE_MODULES"))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "..", "dictionaries"))
    ap.add_argument("--check-only", action="store_true")
    ap.add_argument("--fast2s-table", default=os.environ.get("FAST2S_T2S"))
    args = ap.parse_args()
    out = os.path.normpath(args.out)
    cpath, ppath = os.path.join(out, "countries.tsv"), os.path.join(out, "places.tsv")

    if not args.check_only:
        if not args.node_modules:
            die("pass --node-modules PATH or set NEWSGRAPH_NODE_MODULES (see the top of this script)")
        try:
            from opencc import OpenCC
        except ImportError:
            die("pip install opencc-python-reimplemented pycountry pytz pypinyin")
        cc = OpenCC("t2s")
        nm = args.node_modules

        countries = build_countries(nm, cc)
        country_forms = set()
        for r in countries:
            country_forms.update(r.forms())
        hand = build_hand()
        china = build_china(nm)
        taiwan = build_taiwan(nm)
        fixed_ids = {r.id for r in countries + hand + china + taiwan}
        exemplar = build_exemplar(nm, cc, country_forms, fixed_ids)

        # Hand-curated, Chinese and Taiwanese rows take precedence over exemplar cities:
        # drop exemplar rows whose name is taken, and exemplar aliases that collide.
        strong = countries + hand + china + taiwan
        strong_forms = {}
        for r in strong:
            for f in r.forms():
                strong_forms.setdefault(f, r)
        kept = []
        for r in exemplar:
            if r.name in strong_forms:
                print(f"  exemplar {r.id} ({r.name}) dropped: same as {strong_forms[r.name].id}")
                continue
            r.aliases = [a for a in r.aliases if a.lstrip("~") not in strong_forms
                         or (a.startswith("~") and "~" + a[1:] in strong_forms[a[1:]].aliases)]
            kept.append(r)
        exemplar = kept
        # Aliases shared between two places: mark `~` on both.
        places = exemplar + china + taiwan + hand
        all_rows = countries + places
        users = {}
        for r in all_rows:
            for a in r.aliases:
                users.setdefault(a.lstrip("~"), []).append(r)
        for bare, rs in users.items():
            if len(rs) > 1:
                for r in rs:
                    r.aliases = [("~" + bare) if a == bare else a for a in r.aliases]

        os.makedirs(out, exist_ok=True)
        write_tsv(cpath, countries, "Countries and territories: every ISO 3166-1 entry.",
                  [("countries", "ISO 3166-1, names from CLDR zh/zh-Hant/zh-Hant-HK + script tables")])
        write_tsv(ppath, places, "Places: world cities, Chinese divisions, world regions.",
                  [("exemplar", "generated: CLDR exemplar cities (cldr-dates-full)"),
                   ("china", "generated: provinces and prefecture-level divisions (china-division)"),
                   ("taiwan", "generated: Taiwan cities and counties (china-division HK-MO-TW.json)"),
                   ("hand", "hand-curated: capitals, cities, regions, seas, disputed areas (HAND_PLACES)")])

    t2s = None
    if args.fast2s_table:
        with open(args.fast2s_table, encoding="utf-8") as f:
            t2s = dict(l.split() for l in f if len(l.split()) == 2)
    errs, rows = check([cpath, ppath], t2s)
    for e in errs:
        print("ERROR " + e, file=sys.stderr)
    nc = sum(1 for d in rows if d["file"] == "countries.tsv")
    np_ = sum(1 for d in rows if d["file"] == "places.tsv")
    nal = sum(len(d["aliases"].split("|")) for d in rows if d["aliases"])
    if not args.check_only:
        print(f"countries.tsv: {nc} rows")
        print(f"places.tsv:    {np_} rows (exemplar {len(exemplar)}, china {len(china)}, "
              f"taiwan {len(taiwan)}, hand-curated {len(hand)})")
    else:
        print(f"countries.tsv: {nc} rows; places.tsv: {np_} rows")
    print(f"aliases: {nal}; abbreviations: "
          f"{sum(len(d['abbr'].split('|')) for d in rows if d['abbr'])}; errors: {len(errs)}")
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
