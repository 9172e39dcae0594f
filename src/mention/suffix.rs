//! Organizations and places the gazetteer does not know, found by their last word and by
//! jieba's tags (rules [`OrgSuffix`], [`OutletName`] and [`PlaceSuffix`]).
//!
//! - **Organizations** ([`ORG_SUFFIXES`]): a token ending in 委员会, 银行, 大学, 部, 局, 队…
//!   is the head (jieba's `nt` tag alone is not enough: it tags 中国政府, 美中关系 `nt`); the name extends left over the tokens before it
//!   that can be part of a name (place names, proper nouns, person names, nouns: 北京/ns
//!   博爱医院/nt, 中国/ns 农业/n 银行/n), at most four, stopping at verbs, numbers, pronouns,
//!   function words and punctuation. Leading generic nouns are dropped unless they are a
//!   national prefix (国家, 中央, 全国…); a head alone must be tagged `nt` or longer than its
//!   suffix (博爱医院, not 银行), and not follow 的, a numeral or a pronoun (亲俄的民兵组织 and
//!   一些民兵组织 describe, they do not name). Generic heads (全部, 冠军, 当局, 情报) are never names. 政府
//!   is deliberately not a suffix: X政府 is the place X acting (美国政府).
//! - **Outlets** in 《》 followed by a reporting cue (《人民日报》报道, 《纽约时报》称): the
//!   title.
//! - **Places**: a token of three or more characters ending in an administrative suffix
//!   (省, 市, 县, 州, 镇, 乡, 村; 区 only when jieba tags the token `ns`, since 展区, 禁区,
//!   居民区 are not places), and a one-character administrative suffix token joined to the
//!   name before it (洪泽/nr 县/n). jieba's `ns` tag alone is not enough, nor are natural
//!   suffixes (山, 河, 湖, 地区…): measured on MSRA they were right less than half the time
//!   (攸关, 黑市, 青藏高原, 黄淮地区 are tagged or suffixed but not annotated places). Weak
//!   hints: the caller drops any that overlap a gazetteer mention.
//!
//! Ids are `org:NAME` and `place:NAME`. A recognised organization may contain gazetteer
//! places and organizations (中国银行 contains 中国): the longer name replaces them, as MSRA
//! and the article gold annotate flat, longest names; it never replaces a person, and is
//! dropped when it only partly overlaps a gazetteer mention.
//!
//! [`OrgSuffix`]: super::MentionRule::OrgSuffix
//! [`OutletName`]: super::MentionRule::OutletName
//! [`PlaceSuffix`]: super::MentionRule::PlaceSuffix

use crate::segment::{Pos, Token};
use crate::span::Span;

/// Last words of organization names.
pub(crate) const ORG_SUFFIXES: &[&str] = &[
    "委员会",
    "常委会",
    "办公室",
    "办公厅",
    "银行",
    "基金会",
    "基金",
    "公司",
    "集团",
    "大学",
    "学院",
    "研究院",
    "研究所",
    "研究会",
    "研究中心",
    "协会",
    "学会",
    "联合会",
    "总会",
    "理事会",
    "联盟",
    "同盟",
    "党",
    "委",
    "部",
    "局",
    "署",
    "厅",
    "法院",
    "检察院",
    "议会",
    "国会",
    "社",
    "日报",
    "晚报",
    "时报",
    "电视台",
    "电台",
    "组织",
    "中心",
    "医院",
    "人大",
    "政协",
    "军",
    "军区",
    "部队",
    "书记处",
    "队",
    "女队",
    "男队",
    "俱乐部",
    "事务所",
    "代表团",
    "国务院",
    "科学院",
    "工程院",
    "设计院",
    "学校",
    "中学",
    "小学",
    "工厂",
    "总厂",
    "内阁",
    "警察",
];

/// Words ending in an organization suffix that are not organizations.
const NOT_ORG_HEADS: &[&str] = &[
    "全部",
    "内部",
    "外部",
    "东部",
    "西部",
    "南部",
    "北部",
    "中部",
    "干部",
    "局部",
    "头部",
    "底部",
    "顶部",
    "东南部",
    "西南部",
    "东北部",
    "西北部",
    "中西部",
    "总部",
    "腹部",
    "胸部",
    "面部",
    "脑部",
    "本部",
    "结局",
    "格局",
    "大局",
    "全局",
    "当局",
    "布局",
    "时局",
    "政局",
    "战局",
    "僵局",
    "骗局",
    "部署",
    "签署",
    "大厅",
    "餐厅",
    "客厅",
    "展厅",
    "情报",
    "电报",
    "汇报",
    "简报",
    "警报",
    "海报",
    "通报",
    "预报",
    "举报",
    "回报",
    "捷报",
    "喜报",
    "申报",
    "公报",
    "快报",
    "画报",
    "将军",
    "冠军",
    "亚军",
    "季军",
    "参军",
    "从军",
    "行军",
    "大军",
    "全军",
    "我军",
    "敌军",
    "友军",
    "全党",
    "我党",
    "政党",
    "入党",
    "建党",
    "本报",
    "本社",
    "该部",
    "中心",
    "市中心",
    "公司",
    "集团",
    "银行",
    "大学",
    "学院",
    "医院",
    "学校",
    "中学",
    "小学",
    "部队",
    "军队",
    "球队",
    "队",
    "党",
    "部",
    "局",
    "署",
    "厅",
    "社",
    "委",
    "军",
    "公安局",
    "交易所",
    "卫生院",
    "党组织",
    "团组织",
    "联合会",
    "音乐会",
    "组织",
    "协会",
    "学会",
    "委员会",
    "基金",
    "基金会",
    "工厂",
    "警察",
    "代表团",
    "俱乐部",
    "中央银行",
    "商业银行",
    "上市公司",
    "乐队",
    "团队",
    "车队",
    "舰队",
    "梯队",
    "排队",
    "站队",
    "结社",
    "旅社",
    "报社",
    "杂志社",
    "合作社",
    "人大",
    "政协",
    "内阁",
    "国会",
    "议会",
];

/// Words ending in an organization suffix that never end one, even after a name (全军, 西部).
const NEVER_ORG_HEADS: &[&str] = &[
    "全部",
    "内部",
    "外部",
    "东部",
    "西部",
    "南部",
    "北部",
    "中部",
    "干部",
    "局部",
    "东南部",
    "西南部",
    "东北部",
    "西北部",
    "中西部",
    "大部",
    "全军",
    "全党",
    "冠军",
    "亚军",
    "季军",
    "将军",
    "红军",
    "老红军",
    "大军",
    "治党",
    "结局",
    "格局",
    "大局",
    "全局",
    "部署",
    "签署",
    "情报",
    "汇报",
    "公报",
    "通报",
    "预报",
    "政委",
];

/// Nouns that may start an organization name (国家质量技术监督局, 中央军委).
const ORG_PREFIXES: &[&str] = &[
    "国家",
    "中央",
    "全国",
    "中共",
    "国务院",
    "人民",
    "最高",
    "中华",
    "国际",
    "世界",
    "亚洲",
    "欧洲",
    "联合",
    "省",
    "市",
    "县",
    "团中央",
    "解放军",
    "武警",
    "公安部",
    "总参",
    "总政",
    "总后",
    "军委",
    "中科院",
    "社科院",
];

/// Place-suffixed or `ns`-tagged words that are not names of places.
const NOT_PLACES: &[&str] = &[
    "城市",
    "两国",
    "海洋",
    "外国",
    "东西",
    "大国",
    "普及",
    "山区",
    "上半场",
    "回国",
    "青春",
    "山水",
    "城镇",
    "黑洞",
    "美丽",
    "爱国",
    "大都",
    "新建",
    "英雄",
    "福利",
    "上岗",
    "大城市",
    "上市",
    "深度",
    "庆典",
    "长大",
    "上台",
    "建国",
    "南北",
    "上门",
    "中断",
    "湖泊",
    "海关",
    "大海",
    "高山",
    "治安",
    "古城",
    "共和国",
    "扎根",
    "神圣",
    "珍藏",
    "滑坡",
    "大关",
    "新鲜",
    "牡丹",
    "太多",
    "登山",
    "长跑",
    "海滩",
    "兴旺",
    "古典",
    "河滩",
    "大街",
    "高原",
    "沧桑",
    "山村",
    "大桥",
    "都市",
    "云集",
    "安宁",
    "夕阳",
    "朝野",
    "海湾",
    "上山",
    "西瓜",
    "治国",
    "王国",
    "大山",
    "锦旗",
    "缅怀",
    "巴士",
    "山乡",
    "长度",
    "下海",
    "科教兴国",
    "依法治国",
    "重建家园",
    "重大意义",
    "广大干部",
    "大中城市",
    "港人治港",
    "香港回归",
    "地区",
    "社区",
    "农村",
    "市区",
    "郊区",
    "全省",
    "全市",
    "全县",
    "全区",
    "本市",
    "本省",
    "该县",
    "该市",
    "该村",
    "该镇",
    "灾区",
    "城区",
    "景区",
    "小区",
    "特区",
    "牧区",
    "矿区",
    "湖区",
    "港区",
    "辖区",
    "园区",
    "老区",
    "开发区",
    "保护区",
    "风景区",
    "自然村",
    "行政村",
    "城乡",
    "家乡",
    "故乡",
    "老乡",
    "异乡",
    "水乡",
    "乡镇",
    "集镇",
    "村镇",
    "江山",
    "河山",
    "江湖",
    "冰山",
    "火山",
    "运河",
    "银河",
    "沿海",
    "近海",
    "出海",
    "航海",
    "公海",
    "领海",
    "人海",
    "上海滩",
    "道路",
    "公路",
    "铁路",
    "马路",
    "思路",
    "出路",
    "线路",
    "网路",
    "电路",
    "一路",
    "沿路",
    "街道",
    "大街小巷",
    "港口",
    "机场",
    "商场",
    "市场",
    "广场",
    "公园",
    "各地区",
    "该地区",
    "东部地区",
    "西部地区",
    "中部地区",
    "贫困地区",
    "边远地区",
    "农村地区",
    "沿海地区",
    "少数民族地区",
    "山区县",
    "贫困县",
    "贫困村",
    "重点县",
    "试点县",
    "示范村",
    "各省",
    "各市",
    "各县",
    "各区",
    "外省",
    "邻国",
    "友邦",
    "半岛",
    "群岛",
    "平原",
    "盆地",
    "草原",
    "沙漠",
    "内河",
    "河流",
    "江河",
    "山峰",
    "山脉",
];

/// One-character administrative suffixes jieba may leave as their own token (洪泽/nr 县/n).
const ADMIN: [char; 8] = ['省', '市', '县', '区', '镇', '乡', '村', '州'];

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF)
}

fn all_cjk(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_cjk)
}

/// Tokens that can be part of a name before its head.
fn name_part(pos: Pos) -> bool {
    matches!(
        pos,
        Pos::PlaceName | Pos::OrgName | Pos::OtherProper | Pos::PersonName | Pos::Noun
    )
}

/// Spans of organization names in `text`.
pub(crate) fn org_names(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let w = &text[t.span];
        // Cheapest test first: the last character must be able to end a suffix.
        let last_ok = w
            .chars()
            .next_back()
            .is_some_and(|c| super::chars::is(c, super::chars::ORG_SUFFIX_END));
        if !last_ok
            || !name_part(t.pos)
            || !all_cjk(w)
            || !ORG_SUFFIXES.iter().any(|s| w.ends_with(s))
            || NEVER_ORG_HEADS.contains(&w)
        {
            continue;
        }
        // Extend left over name parts.
        let mut j = i;
        while j > 0 && i - j < 4 {
            let p = tokens[j - 1];
            let pw = &text[p.span];
            if !name_part(p.pos) || !all_cjk(pw) || pw.ends_with('讯') || pw.ends_with('人') {
                break;
            }
            j -= 1;
        }
        // Drop leading generic nouns.
        while j < i && tokens[j].pos == Pos::Noun && !ORG_PREFIXES.contains(&&text[tokens[j].span])
        {
            j += 1;
        }
        let span = Span::new(tokens[j].span.start, t.span.end);
        let head_ok = !NOT_ORG_HEADS.contains(&w)
            && (t.pos == Pos::OrgName || t.pos != Pos::Noun && w.chars().count() >= 3);
        // A lone head after 的, a numeral or a pronoun is a description (亲俄的民兵组织,
        // 一些民兵组织), not a name.
        let described = i > 0
            && (matches!(tokens[i - 1].pos, Pos::Number | Pos::Pronoun)
                || &text[tokens[i - 1].span] == "的");
        if j == i && (!head_ok || described) {
            continue;
        }
        if j < i && w.chars().count() == 1 && !"党委部局署厅社军队".contains(w) {
            continue;
        }
        // Keep the longest when heads are adjacent (中国/ns 银行/n 总行/n…): a later span
        // that contains the previous one replaces it.
        if let Some(last) = out.last()
            && span.contains(*last)
        {
            out.pop();
        }
        if out.last().is_some_and(|l| l.overlaps(span)) {
            continue;
        }
        out.push(span);
    }
    out
}

/// What follows an outlet's title when the outlet speaks (《人民日报》报道).
const OUTLET_CUES: &[&str] = &[
    "报道", "报导", "称", "说", "援引", "发表", "刊登", "评论", "指出",
];

/// Outlet names in 《》: the title, when a reporting cue follows (《人民日报》报道).
pub(crate) fn outlet_names(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('《') {
        let start = i + '《'.len_utf8();
        let Some(len) = text[start..].find('》') else {
            continue;
        };
        let title = &text[start..start + len];
        let after = &text[start + len + '》'.len_utf8()..];
        if (2..=10).contains(&title.chars().count())
            && all_cjk(title)
            && OUTLET_CUES.iter().any(|c| after.starts_with(c))
        {
            out.push(Span::new(start, start + len));
        }
    }
    out
}

/// Spans of place names in `text`.
pub(crate) fn place_names(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let w = &text[t.span];
        // Only words ending in an administrative suffix can be places: test that first, the
        // stop-list lookup is the expensive part.
        if !w.chars().next_back().is_some_and(|c| ADMIN.contains(&c))
            || !all_cjk(w)
            || NOT_PLACES.contains(&w)
        {
            continue;
        }
        let n = w.chars().count();
        let span = if n == 1 && w.chars().next().is_some_and(|c| ADMIN.contains(&c)) {
            // 洪泽/nr 县/n: join to a short name before it.
            let Some(p) = i.checked_sub(1).map(|k| tokens[k]) else {
                continue;
            };
            let pw = &text[p.span];
            if !matches!(p.pos, Pos::PlaceName | Pos::PersonName)
                || !(2..=3).contains(&pw.chars().count())
                || !all_cjk(pw)
                || NOT_PLACES.contains(&pw)
            {
                continue;
            }
            if out.last() == Some(&p.span) {
                out.pop();
            }
            Span::new(p.span.start, t.span.end)
        } else if n >= 3
            && matches!(
                t.pos,
                Pos::Noun | Pos::PersonName | Pos::OtherProper | Pos::PlaceName
            )
            && w.chars().next_back().is_some_and(|c| ADMIN.contains(&c))
            && (t.pos == Pos::PlaceName || !w.ends_with('区'))
        {
            t.span
        } else {
            continue;
        };
        out.push(span);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: fn(&str, &[Token]) -> Vec<Span>, s: &str) -> Vec<String> {
        let (text, tokens) = crate::segment::tokens_from_tagged(s);
        f(&text, &tokens)
            .into_iter()
            .map(|sp| text[sp].to_string())
            .collect()
    }

    #[test]
    fn org_suffix_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("北京/ns 博爱医院/nt 院长/n", &["北京博爱医院"]),
            ("国家/n 质量技术监督局/nt 批准/v", &["国家质量技术监督局"]),
            (
                "济南/ns 绿色/n 兔业/n 集团公司/n",
                &["济南绿色兔业集团公司"],
            ),
            ("应/v 国家经贸委/nt 邀请/v", &["国家经贸委"]),
            ("中国/ns 农业/n 银行/n 贷款/v", &["中国农业银行"]),
            ("中国/ns 队/n 获胜/v", &["中国队"]),
            ("北京/ns 市委/n 决定/v", &["北京市委"]),
            // Negative: generic heads, pronoun prefixes, regions.
            ("本报/r 北京/ns", &[]),
            ("全党/n 同志/n", &[]),
            ("这个/r 部/n", &[]),
            ("将/d 公司/n 更名/v", &[]),
            ("中国/ns 西部/n 地区/n", &[]),
            ("发展/v 银行/n", &[]),
            ("世界/n 冠军/n", &[]),
            ("亲俄/v 的/u 民兵组织/nt", &[]),
            ("一些/m 民兵组织/nt", &[]),
            ("美国/ns 政府/n", &[]),
        ];
        for (s, want) in cases {
            assert_eq!(run(org_names, s), *want, "{s}");
        }
    }

    #[test]
    fn outlet_cases() {
        let t = "《人民日报》报道，《红楼梦》中，《小学生学习报》的";
        let got: Vec<&str> = outlet_names(t).into_iter().map(|s| &t[s]).collect();
        assert_eq!(got, ["人民日报"]);
    }

    #[test]
    fn place_suffix_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("江苏/ns 如皋市/ns 城西乡/ns", &["如皋市", "城西乡"]),
            ("营口市/n 鲅鱼圈区/n 区长/n", &["营口市"]),
            ("营口市/n 鲅鱼圈区/ns 区长/n", &["营口市", "鲅鱼圈区"]),
            ("洪泽/nr 县/n 的/u", &["洪泽县"]),
            ("平山/ns 县/n 的/u", &["平山县"]),
            // Negative: common words tagged ns or ending in a place suffix.
            ("城市/ns 建设/v", &[]),
            ("两国/ns 关系/n", &[]),
            ("贫困地区/n 教育/n", &[]),
            ("开发区/n 建设/v", &[]),
            ("展区/n 里/f", &[]),
            ("居民区/n 里/f", &[]),
            ("黑市/ns 交易/v", &[]),
            ("山区/n 县/n", &[]),
        ];
        for (s, want) in cases {
            assert_eq!(run(place_names, s), *want, "{s}");
        }
    }
}
