//! Recognisers for names the gazetteer does not know. Each is a small, documented rule; every
//! mention it finds carries its [`MentionRule`](super::MentionRule).
//!
//! - Transliterated foreign names joined by a middle dot (谢尔盖·尼基福罗夫), and their
//!   surname alone later in the article (尼基福罗夫).
//! - A transliterated name right after a title (国务卿布林肯, 发言人佩斯科夫).
//! - A named agreement or meeting: a place followed by 协议/条约/峰会… (明斯克协议) is the
//!   agreement (type `other`), not the place.

use crate::span::Span;

/// Characters of standard Chinese transliteration of foreign names (Xinhua tables), minus
/// characters that commonly end a title or start a verb next to a name (长, 理, 统, 席, 表, 在…).
pub(crate) const TRANSLIT: &str = "阿埃艾爱安昂敖奥巴芭拜班邦保鲍贝本比彼毕宾波伯勃博布查察达戴丹道德得登邓迪狄蒂丁东杜敦顿多厄恩尔法凡范菲费芬丰冯佛弗福夫富盖甘冈戈哥格根贡古瓜圭果哈海汉杭豪赫亨洪侯胡怀霍基吉季加嘉贾杰捷金津卡凯坎康考柯科克肯孔库夸奎昆拉腊莱赖兰朗劳勒雷蕾黎里利莉丽连列林琳留柳隆卢鲁路伦罗洛吕马玛迈麦曼芒梅门蒙孟米密敏明缪摩莫默姆穆纳娜乃奈南内尼妮涅宁纽努诺欧帕派潘庞佩彭皮珀蒲普奇齐恰乔切钦琴丘屈让热荣茹若瑞萨塞赛桑瑟森沙莎尚舍绍申什施舒斯松苏索塔泰坦汤唐陶特滕藤提廷通图托瓦旺威韦维温沃乌伍武西希锡夏肖谢辛欣休修雅亚扬耶叶伊依因英尤约泽扎詹兹佐娃茨朔卓契京娅诺楚雷济霍捷耶龙文琪薇黛丝露萝莲芙琼珊";

/// Middle dots and look-alikes joining the parts of a foreign name.
const DOTS: [char; 8] = ['·', '•', '‧', '・', '･', '∙', '⋅', '．'];

/// Titles after which a transliterated name stands (国务卿布林肯).
const TITLES: &[&str] = &[
    "总统",
    "副总统",
    "总理",
    "副总理",
    "首相",
    "外长",
    "外交部长",
    "外交大臣",
    "国务卿",
    "防长",
    "国防部长",
    "部长",
    "发言人",
    "新闻秘书",
    "秘书长",
    "主席",
    "大使",
    "特使",
    "议员",
    "参议员",
    "众议员",
    "议长",
    "顾问",
    "司令",
    "将军",
    "总司令",
    "国王",
    "女王",
    "王储",
    "王子",
    "总督",
    "州长",
    "市长",
    "总裁",
    "首席执行官",
    "董事长",
    "创始人",
    "教授",
    "领导人",
    "总书记",
    "总干事",
    "行长",
    "主任",
    "代表",
];
/// Titles of professions, not offices: after them a name needs three characters (经济学家
/// 阿里夫侯赛因), as two transliteration characters are often a word (专家基本认为).
const PROFESSIONS: &[&str] = &[
    "经济学家",
    "学者",
    "专家",
    "研究员",
    "分析师",
    "律师",
    "记者",
];

/// Every title a name may follow: offices, then professions.
pub(crate) fn titles() -> impl Iterator<Item = &'static str> {
    TITLES.iter().chain(PROFESSIONS).copied()
}

/// What ends a named agreement or meeting after a place name.
const AGREEMENT_SUFFIXES: &[&str] = &[
    "协议",
    "协定",
    "条约",
    "公约",
    "宣言",
    "进程",
    "峰会",
    "会议",
    "模式",
    "格式",
    "议定书",
    "备忘录",
];

pub(crate) fn is_translit(c: char) -> bool {
    super::chars::is(c, super::chars::TRANSLIT)
}

fn is_dot(c: char) -> bool {
    // A slice scan: `str::contains(char)` builds a searcher per call, and this runs at every
    // character.
    DOTS.contains(&c)
}

/// Spans of dotted transliterated names: at least two parts of transliteration characters
/// joined by middle dots, each part 1–7 characters.
pub(crate) fn dotted_names(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        if !is_dot(chars[k].1) || k == 0 || !is_translit(chars[k - 1].1) {
            k += 1;
            continue;
        }
        // Extend left from the first dot.
        let mut s = k;
        while s > 0 && is_translit(chars[s - 1].1) && k - (s - 1) <= 7 {
            s -= 1;
        }
        // Then alternate parts and dots to the right.
        let mut e = k;
        let mut parts = 1;
        loop {
            if e < chars.len() && is_dot(chars[e].1) {
                let mut f = e + 1;
                while f < chars.len() && is_translit(chars[f].1) && f - e <= 7 {
                    f += 1;
                }
                if f == e + 1 {
                    break;
                }
                parts += 1;
                e = f;
            } else {
                break;
            }
        }
        if parts >= 2 {
            // 夫人 after a name is "Mrs", not part of it.
            if text[chars[e - 1].0..].starts_with("夫人") && e - 1 > s {
                e -= 1;
            }
            let end = chars.get(e).map_or(text.len(), |c| c.0);
            out.push(Span::new(chars[s].0, end));
        }
        k = e.max(k + 1);
    }
    out
}

/// The last part of a dotted name (尼基福罗夫 in 谢尔盖·尼基福罗夫), when it is at least two
/// characters long.
pub(crate) fn surname(name: &str) -> Option<&str> {
    let last = name.rsplit(is_dot).next()?;
    (last.chars().count() >= 2 && last.len() < name.len()).then_some(last)
}

/// Occurrences of `short` in `text` that stand alone: not inside a longer run of
/// transliteration characters (科夫 inside 佩斯科夫).
pub(crate) fn standalone(text: &str, short: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices(short) {
        let end = i + short.len();
        let before = text[..i].chars().next_back();
        let after = text[end..].chars().next();
        let glued = |c: Option<char>| {
            c.is_some_and(|c| is_translit(c) || is_dot(c) || c.is_ascii_alphanumeric())
        };
        if !glued(before) && !glued(after) {
            out.push(Span::new(i, end));
        }
    }
    out
}

/// Transliterated names right after a title: 2–6 transliteration characters, ending where a
/// word ends (`is_word_end`), so 总统普京通过 gives 普京.
pub(crate) fn titled_names(text: &str, is_word_end: impl Fn(usize) -> bool) -> Vec<Span> {
    // One pass: a name can start only where a transliteration character follows the last
    // character of some title; only there are the titles compared.
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (start, c) in text.char_indices() {
        let after_title = prev.is_some_and(|p| super::chars::is(p, super::chars::TITLE_END))
            && is_translit(c)
            && titles().any(|t| text[..start].ends_with(t));
        prev = Some(c);
        if !after_title {
            continue;
        }
        let mut len: usize = text[start..]
            .chars()
            .take_while(|&c| is_translit(c))
            .take(6)
            .map(char::len_utf8)
            .sum();
        while len > 0 && !is_word_end(start + len) {
            len -= text[..start + len]
                .chars()
                .next_back()
                .map_or(1, char::len_utf8);
        }
        let n = text[start..start + len].chars().count();
        let next = text[start + len..].chars().next();
        let shortest = if PROFESSIONS.iter().any(|t| text[..start].ends_with(t)) {
            3
        } else {
            2
        };
        if (shortest..=6).contains(&n) && !next.is_some_and(is_dot) {
            out.push(Span::new(start, start + len));
        }
    }
    out
}

/// Length of an agreement suffix right at `text[at..]`, if any.
pub(crate) fn agreement_suffix(text: &str, at: usize) -> Option<usize> {
    AGREEMENT_SUFFIXES
        .iter()
        .find(|s| text[at..].starts_with(*s))
        .map(|s| s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        dotted_names(text).into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn dotted_name_cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "乌克兰总统新闻秘书谢尔盖·尼基福罗夫在基辅",
                &["谢尔盖·尼基福罗夫"],
            ),
            (
                "克里姆林宫发言人德米特里·佩斯科夫还认为",
                &["德米特里·佩斯科夫"],
            ),
            ("主席乌尔苏拉·冯·德莱恩表示", &["乌尔苏拉·冯·德莱恩"]),
            ("和弗拉基米尔•普京会谈", &["弗拉基米尔•普京"]),
            ("安东尼·布林肯夫人", &["安东尼·布林肯"]),
            ("中国·北京", &[]),
            ("·普京", &[]),
            ("普京·", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn surname_and_standalone() {
        assert_eq!(surname("谢尔盖·尼基福罗夫"), Some("尼基福罗夫"));
        assert_eq!(surname("普京"), None);
        let t = "佩斯科夫表示，科夫";
        assert_eq!(standalone(t, "佩斯科夫").len(), 1);
        assert_eq!(standalone(t, "科夫").len(), 1);
        assert_eq!(standalone("阿佩斯科夫", "佩斯科夫").len(), 0);
    }

    #[test]
    fn titled_name_cases() {
        let t = "国务卿布林肯表示，总统马克龙与总理";
        let got: Vec<&str> = titled_names(t, |_| true)
            .into_iter()
            .map(|s| &t[s])
            .collect();
        assert_eq!(got, ["布林肯", "马克龙"]);
        let t = "总统普京通过视频";
        let ends = [t.find("通").unwrap(), t.find("视").unwrap()];
        let got: Vec<&str> = titled_names(t, |i| ends.contains(&i))
            .into_iter()
            .map(|s| &t[s])
            .collect();
        assert_eq!(got, ["普京"]);
    }
}

/// Words that make a run of capitalised Latin words an organisation (Privacy International,
/// Essex Court Chambers).
const LATIN_ORG_WORDS: &[&str] = &[
    "International",
    "Chambers",
    "Court",
    "Group",
    "Inc",
    "Ltd",
    "Corp",
    "Corporation",
    "Company",
    "Bank",
    "University",
    "Institute",
    "Association",
    "Council",
    "Committee",
    "Agency",
    "Foundation",
    "News",
    "Times",
    "Post",
    "Press",
    "Network",
    "Watch",
    "Party",
    "Union",
    "Organization",
    "Organisation",
    "Fund",
    "Capital",
    "Partners",
    "LLP",
    "Media",
    "Labs",
    "Technologies",
    "Systems",
    "Society",
    "Commission",
    "Ministry",
    "Office",
    "Center",
    "Centre",
    "Alliance",
    "Federation",
    "Forum",
    "Trust",
    "Holdings",
];

/// Chinese words right before a Latin name that make it a person (特别报告员David Kaye).
const LATIN_PERSON_TITLES: &[&str] = &[
    "报告员",
    "总监",
    "主席",
    "会长",
    "律师",
    "大律师",
    "教授",
    "博士",
    "总裁",
    "董事长",
    "创办人",
    "创始人",
    "发言人",
    "部长",
    "大使",
    "议员",
    "记者",
    "专家",
    "研究员",
    "总干事",
    "局长",
    "主任",
    "经理",
    "执行长",
    "行政总裁",
    "首席执行官",
    "分析师",
    "作家",
    "学者",
];

/// Speech cues right after a Latin name that make it a person (Villasoto说).
const LATIN_PERSON_CUES: &[&str] = &[
    "说", "表示", "指出", "认为", "称", "指", "强调", "透露", "批评", "也说", "又说",
];

/// A capitalised Latin word: `Kaye`, `McDonald`, `O'Neil`, or an initial `J.`.
fn latin_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && cs.all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '-' || c == '.')
        && w.chars().skip(1).any(|c| c.is_ascii_lowercase())
}

/// Runs of two to five capitalised Latin words in Chinese text, typed as organisation (an
/// organisation word inside) or person (a title before it or a speech cue after it). Runs with
/// neither are left alone: product and place names look the same.
pub(crate) fn latin_names(text: &str) -> Vec<(Span, crate::entity::EntityKind)> {
    use crate::entity::EntityKind;
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_uppercase() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        // Collect words separated by single spaces.
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut j = i;
        loop {
            let end = j + bytes[j..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-' | b'.'))
                .count();
            if end == j || !latin_word(&text[j..end]) {
                break;
            }
            words.push((j, end));
            if end + 1 < bytes.len() && bytes[end] == b' ' && bytes[end + 1].is_ascii_uppercase() {
                j = end + 1;
            } else {
                break;
            }
        }
        let Some(&(_, last_end)) = words.last() else {
            i += 1;
            continue;
        };
        if (2..=5).contains(&words.len()) {
            let span = Span::new(i, last_end);
            let is_org = words
                .iter()
                .any(|&(s, e)| LATIN_ORG_WORDS.contains(&&text[s..e]));
            let before = text[..i].trim_end();
            let after = text[last_end..].trim_start();
            let person = LATIN_PERSON_TITLES.iter().any(|t| before.ends_with(t))
                || LATIN_PERSON_CUES.iter().any(|c| after.starts_with(c));
            if is_org {
                out.push((span, EntityKind::Organization));
            } else if person {
                out.push((span, EntityKind::Person));
            }
        }
        i = last_end.max(i + 1);
    }
    out
}

/// A Chinese personal name glossed with its Latin form in brackets, as Hong Kong and Taiwan
/// outlets write them: 前主席祈文辉（Matthew Gearing）, 发言人王文斌（Wang Wenbin）. Returns the
/// Chinese name (the jieba word right before the bracket: two to four CJK characters after a
/// title, or tagged as a person) and the Latin name (two to four capitalised words, none of
/// them an organization word, alone in the brackets).
pub(crate) fn glossed_names(text: &str, tokens: &[crate::segment::Token]) -> Vec<(Span, Span)> {
    use crate::segment::Pos;
    let mut out = Vec::new();
    // Two substring searches (memchr-backed) cost less than decoding every character.
    let mut opens: Vec<(usize, &str)> = text
        .match_indices('（')
        .chain(text.match_indices('('))
        .collect();
    opens.sort_unstable();
    for (open, bracket) in opens {
        let inner_start = open + bracket.len();
        // A Latin name starts with a capital and ends within a few words.
        if !text
            .as_bytes()
            .get(inner_start)
            .is_some_and(u8::is_ascii_uppercase)
        {
            continue;
        }
        let Some(close) = text[inner_start..]
            .char_indices()
            .take_while(|(i, _)| *i < 64)
            .find(|(_, c)| matches!(c, '）' | ')'))
            .map(|(i, _)| inner_start + i)
        else {
            continue;
        };
        let inner = &text[inner_start..close];
        let words: Vec<&str> = inner.split(' ').collect();
        if !(2..=4).contains(&words.len())
            || !words.iter().all(|w| latin_word(w))
            || words.iter().any(|w| LATIN_ORG_WORDS.contains(w))
        {
            continue;
        }
        let k = tokens.partition_point(|t| t.span.end <= open);
        let Some(name) = k
            .checked_sub(1)
            .map(|k| &tokens[k])
            .filter(|t| t.span.end == open)
        else {
            continue;
        };
        let written = &text[name.span.range()];
        let chars = written.chars().count();
        let cjk = written
            .chars()
            .all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        let titled = text[..name.span.start]
            .chars()
            .next_back()
            .is_some_and(|c| super::chars::is(c, super::chars::TITLE_END));
        if cjk && (2..=4).contains(&chars) && (titled || name.pos == Pos::PersonName) {
            out.push((name.span, Span::new(inner_start, close)));
        }
    }
    out
}

#[cfg(test)]
mod latin_tests {
    use super::*;
    use crate::entity::EntityKind::*;

    /// The closing bracket is looked for within 64 bytes, by characters: a window that ends
    /// inside a CJK character must not panic.
    #[test]
    fn glossed_names_never_cut_a_character() {
        let tokens = |t: &str| {
            t.char_indices()
                .map(|(i, c)| crate::segment::Token {
                    span: Span::new(i, i + c.len_utf8()),
                    pos: crate::segment::Pos::PersonName,
                })
                .collect::<Vec<_>>()
        };
        for pad in 0..4 {
            let t = format!(
                "主席王文斌（A{}史密斯先生的名字很长很长很长很长很长很长很长很长）",
                "b".repeat(pad)
            );
            let _ = glossed_names(&t, &tokens(&t));
        }
    }

    #[test]
    fn latin_name_cases() {
        let cases: &[(&str, &[(&str, crate::entity::EntityKind)])] = &[
            ("特别报告员 David Kaye 指出，", &[("David Kaye", Person)]),
            (
                "私隐总监Ivy Grace Villasoto关注",
                &[("Ivy Grace Villasoto", Person)],
            ),
            (
                "伦敦Essex Court Chambers（埃塞克斯）",
                &[("Essex Court Chambers", Organization)],
            ),
            ("打开Google Android手机", &[]),
            ("CNN报道", &[]),
            ("Jamal Khashoggi说", &[("Jamal Khashoggi", Person)]),
        ];
        for (text, want) in cases {
            let got: Vec<(&str, crate::entity::EntityKind)> = latin_names(text)
                .into_iter()
                .map(|(s, k)| (&text[s], k))
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
