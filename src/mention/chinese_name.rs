//! Chinese personal names the gazetteer does not know (rule [`ChineseName`]).
//!
//! A name is a surname from [`SURNAMES`] (or a compound surname from [`COMPOUND_SURNAMES`])
//! followed by one or two given-name characters. jieba's HMM tags most unseen names `nr`, but
//! its dictionary also tags many common words `nr` (文明, 顾客, 雷阵雨), so a candidate is
//! accepted when:
//!
//! - one `nr` token of three or more characters is surname + given name (黄登仁, 欧阳明), unless it ends in a character
//!   that no given name ends in here (区, 部, 性…), is written wholly in transliteration
//!   characters (卢森堡: a foreign name, not a Chinese one) or is a listed common word;
//! - an `nr` token of surname + one given character (李鹏) stands right after a title (总理,
//!   记者, 县长…) or right before a speech cue or an apposition (表示, 说, 指出, 同志, 等);
//! - jieba split the name (毛/nr 宁/j): a lone surname character and a following one- or
//!   two-character fragment are joined when both are tagged `nr` or when a title precedes or a
//!   cue follows;
//! - jieba glued a cue onto a two-character name (赵华说/nr): the name without the cue.
//!
//! The id is `person:NAME`. Gazetteer mentions always win: a name overlapping one is dropped
//! by the caller.
//!
//! [`ChineseName`]: super::MentionRule::ChineseName

use crate::segment::{Pos, Token};
use crate::span::Span;

/// Single-character surnames: the ~400 most common in modern China, minus characters that are
/// far more often a function word next to a name (和, 与, 向, 连, 从, 把).
pub(crate) const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";

/// Compound surnames.
pub(crate) const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "万俟", "呼延", "澹台", "公冶", "宗政",
    "濮阳", "淳于", "单于", "太叔", "申屠", "仲孙", "钟离", "闻人", "赫连", "东郭", "百里", "拓跋",
    "司空", "完颜", "乐正",
];

/// Titles and descriptions a name follows (国务院总理李鹏, 县长刘忠泽). A token ending in one
/// counts too (县委书记).
const TITLES: &[&str] = &[
    "总统",
    "总理",
    "主席",
    "部长",
    "委员",
    "书记",
    "记者",
    "教授",
    "发言人",
    "省长",
    "市长",
    "县长",
    "区长",
    "乡长",
    "镇长",
    "村长",
    "局长",
    "厅长",
    "处长",
    "科长",
    "主任",
    "院长",
    "校长",
    "厂长",
    "经理",
    "董事长",
    "司令员",
    "司令",
    "政委",
    "军长",
    "师长",
    "团长",
    "队长",
    "站长",
    "所长",
    "社长",
    "总编",
    "编辑",
    "大使",
    "将军",
    "老师",
    "医生",
    "研究员",
    "工程师",
    "会长",
    "理事长",
    "秘书长",
    "参赞",
    "领事",
    "议员",
    "委员长",
    "主编",
    "作家",
    "画家",
    "导演",
    "演员",
    "民警",
    "法官",
    "律师",
    "博士",
    "教练",
    "队员",
    "选手",
    "运动员",
    "组长",
    "行长",
    "董事",
    "老人",
    "农民",
    "工人",
    "战士",
    "班长",
    "连长",
    "营长",
    "通讯员",
    "烈士",
    "同学",
    "主持人",
    "指导员",
    "副官",
    "上将",
    "中将",
    "少将",
    "大校",
    "上校",
    "总裁",
    "代表",
    "女士",
    "先生",
    "诗人",
    "学者",
    "专家",
    "院士",
    "歌唱家",
    "艺术家",
    "科学家",
    "企业家",
    "处长",
];

/// Words right after a name that make it one: speech cues and appositions.
const CUES: &[&str] = &[
    "表示", "说", "指出", "称", "认为", "强调", "介绍", "告诉", "透露", "宣布", "说道", "谈到",
    "回忆", "提出", "同志", "先生", "女士", "教授", "等人", "等", "一行", "夫妇", "主持", "会见",
    "致辞", "讲话", "说明", "解释", "坦言", "感慨", "笑", "问", "答", "回答",
];

/// Characters that end a word but not a given name (高新区, 宣传部, 安全性).
const BAD_LAST: &str = "堡树花舞周办主滩坡郡林背性部区镇村市县证信书杯赛节队卡章物者馆城省州河山湖江路街港站厂场园院校所局署会社团委室处科组式型率量费税法制机车船器品业界类款片墙塔洞桥寺庙宫殿楼堂亭台阁门";

/// Characters jieba glues onto a two-character name (赵华说, 孙浩在).
const GLUED: &str = "在说等时摄以为代和与的是也都就又还将曾把被对向从讲称已";

/// Words jieba's dictionary tags as names that are common words (雷阵雨, 高素质).
const NOT_NAMES: &[&str] = &[
    "麦克风",
    "雷阵雨",
    "高素质",
    "高水平",
    "金字塔",
    "龙卷风",
    "古城墙",
    "沙丁鱼",
    "高增值",
    "高高的",
    "初中生",
    "常见病",
    "吉普车",
    "万里行",
    "师范生",
    "阴转晴",
    "宣传画",
    "麻醉品",
    "金丝燕",
    "花岗岩",
    "花岗石",
    "胡萝卜",
    "安全带",
    "羊毛衫",
    "牛羊肉",
    "沙尘暴",
    "冷却塔",
    "蓝精灵",
    "明智地",
    "相衔接",
    "战三胜",
    "战全胜",
    "成正比",
    "盖房子",
    "顾大局",
    "钟点工",
    "夏令营",
    "吉祥物",
    "万法郎",
    "印尼盾",
    "司令官",
    "干涉仪",
    "许可证",
    "公开信",
    "白皮书",
    "幸存者",
    "安全性",
    "严重性",
    "严肃性",
    "米左右",
    "马拉松",
    "龙舟赛",
    "龙舟队",
    "龙舟节",
    "纪念卡",
    "纪念章",
    "陈列馆",
    "宣传周",
    "高质量",
    "高标准",
    "高速度",
    "高起点",
    "常委会",
    "文明",
    "卫星",
    "顾客",
    "公正",
    "师生",
    "智慧",
    "阳光",
    "明白",
    "古老",
    "顾问",
    "荣获",
    "荣誉",
    "明星",
    "高潮",
    "关怀",
    "康复",
    "诸如",
    "高峰",
    "陈列",
    "祝贺",
    "权威",
    "范畴",
    "玉米",
    "廉政",
    "朴素",
    "桂冠",
    "温馨",
    "王朝",
    "呼唤",
    "杜绝",
    "容纳",
    "齐全",
    "封锁",
    "荣耀",
    "高达",
    "师傅",
    "华裔",
    "蓝天",
    "陈旧",
    "辛勤",
    "宁静",
    "田野",
    "师范",
    "祖先",
    "周密",
    "富丽",
    "卓越",
    "陆军",
    "陶醉",
    "麦田",
    "阿姨",
    "童谣",
    "叶子",
    "高超",
    "许诺",
    "钟声",
    "修正",
    "高明",
    "边远",
    "宾客",
    "晋级",
    "慕名",
    "林立",
    "蓝图",
    "陈述",
    "宁可",
    "孙子",
    "和尚",
    "王储",
    "吉祥",
    "贺信",
    "诸侯",
    "安静",
    "高雅",
    "满怀",
    "白云",
    "温泉",
    "张贴",
    "卫冕",
    "周旋",
    "高昂",
    "晋升",
    "马虎",
    "沙龙",
    "祝福",
    "敬仰",
    "华丽",
    "史实",
    "明珠",
    "雷雨",
    "冷清",
    "白银",
    "常青",
    "丛林",
    "黎明",
    "乐天",
    "敬献",
    "查清",
    "荣幸",
    "盛世",
    "安危",
    "丛生",
    "陶冶",
    "史诗",
    "胡同",
    "林木",
    "时髦",
    "练兵",
    "查明",
    "高度",
    "高级",
    "司仪",
    "严正",
    "管理",
    "成功",
    "成立",
    "成为",
    "成绩",
    "成果",
    "单位",
    "方面",
    "方向",
    "方针",
    "方式",
    "方法",
    "全面",
    "全体",
    "全部",
    "全国",
    "国家",
    "国际",
    "文化",
    "文艺",
    "安全",
    "安排",
    "华人",
    "石油",
    "强调",
    "强大",
    "强化",
    "应该",
    "应当",
    "时间",
    "时候",
    "时期",
    "原因",
    "原则",
    "原来",
    "原有",
    "海外",
    "海洋",
    "平安",
    "平等",
    "平稳",
    "信息",
    "信心",
    "信任",
    "宣传",
    "宣布",
    "解决",
    "解放",
    "党员",
    "党委",
    "关系",
    "关于",
    "关键",
    "于是",
    "于今",
    "相关",
    "相信",
    "相互",
    "门口",
    "云南",
    "燕子",
    "钱财",
    "金融",
    "金钱",
    "金牌",
    "武器",
    "武装",
    "武警",
    "牛奶",
    "江河",
    "湖泊",
    "花园",
    "明天",
    "明年",
    "明显",
    "明确",
    "常常",
    "常规",
    "常务",
    "施工",
    "程序",
    "程度",
    "任务",
    "任何",
    "任命",
    "万元",
];

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF)
}

/// Byte length of the surname `word` starts with, if any.
pub(crate) fn surname_len(word: &str) -> Option<usize> {
    let c = word.chars().next()?;
    if super::chars::is(c, super::chars::COMPOUND_SURNAME_START)
        && let Some(s) = COMPOUND_SURNAMES.iter().find(|s| word.starts_with(*s))
    {
        return Some(s.len());
    }
    super::chars::is(c, super::chars::SURNAME).then(|| c.len_utf8())
}

/// True when `word` has the shape of a Chinese name: surname + one or two given characters,
/// all CJK, not a listed common word, not ending in a word-final character, not wholly
/// transliteration characters.
pub(crate) fn name_shape(word: &str) -> bool {
    let Some(s) = surname_len(word) else {
        return false;
    };
    let given = word[s..].chars().count();
    (1..=2).contains(&given)
        && word.chars().all(is_cjk)
        && !word
            .chars()
            .next_back()
            .is_some_and(|c| BAD_LAST.contains(c))
        && !word.chars().all(super::recognize::is_translit)
        && !NOT_NAMES.contains(&word)
        && !HONORIFICS.contains(&&word[s..])
}

fn ends_with_title(word: &str) -> bool {
    TITLES.iter().any(|t| word.ends_with(t))
}

fn is_cue(word: &str) -> bool {
    CUES.contains(&word)
}

/// How many of [`SURNAMES`] (by frequency) may stand alone before an honorific: the rare
/// ones are common words too (国, 海, 平).
pub(crate) const COMMON_SURNAMES: usize = 100;
/// Honorifics and titles after a bare surname (吴先生, 江主席, 刘某), longest first where one
/// starts another.
const HONORIFICS: &[&str] = &[
    "先生",
    "女士",
    "小姐",
    "太太",
    "老师",
    "老",
    "总书记",
    "总统",
    "总理",
    "总",
    "主席",
    "委员长",
    "书记",
    "副局长",
    "局长",
    "副部长",
    "部长",
    "省长",
    "市长",
    "县长",
    "厂长",
    "院长",
    "校长",
    "所长",
    "经理",
    "医生",
    "大夫",
    "教授",
    "师傅",
    "同志",
    "某",
];

/// Bare surnames that refer to a person: before an honorific, as a word of its own or one
/// word with it (吴|先生, 江主席, 刘某), and after 老/小 as one word (老王, 小李). The span is
/// the surname, as in MSRA; the title is not part of the name.
pub(crate) fn surname_references(text: &str, tokens: &[Token]) -> Vec<Span> {
    let common = |c: char| super::chars::classes(c) & super::chars::COMMON_SURNAME != 0;
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let w = &text[t.span];
        // Surname + honorific or 老/小 + surname: at most four characters.
        if w.len() > 12 {
            continue;
        }
        let mut chars = w.chars();
        let Some(first) = chars.next() else {
            continue;
        };
        let rest = chars.as_str();
        // 老王, 小李: one word, or 老/小 and the surname as a word of its own (小|李).
        if matches!(first, '老' | '小') {
            let surname = match rest.chars().count() {
                1 => Some(Span::new(t.span.start + first.len_utf8(), t.span.end)),
                0 => tokens
                    .get(k + 1)
                    .filter(|n| n.span.start == t.span.end && text[n.span].chars().count() == 1)
                    .map(|n| n.span),
                _ => None,
            };
            if let Some(s) = surname.filter(|s| text[*s].chars().all(common)) {
                out.push(s);
            }
            continue;
        }
        if !common(first) {
            continue;
        }
        let candidate = if rest.is_empty() {
            tokens.get(k + 1).map_or("", |n| &text[n.span])
        } else {
            rest
        };
        let honorific = candidate.len() <= 9 && HONORIFICS.contains(&candidate);
        if honorific {
            out.push(Span::new(t.span.start, t.span.start + first.len_utf8()));
        }
    }
    out
}

/// Spans of Chinese personal names in `text`, from its `tokens`.
pub(crate) fn chinese_names(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let word = |k: usize| tokens.get(k).map_or("", |t| &text[t.span]);
    let mut k = 0;
    while k < tokens.len() {
        let t = tokens[k];
        let w = &text[t.span];
        // Evaluated only for name candidates: most tokens are not.
        let titled = || k > 0 && ends_with_title(word(k - 1));
        let cue_after = |j: usize| is_cue(word(j));
        let n = w.chars().count();
        // A two-character name with a cue glued on (赵华说).
        if t.pos == Pos::PersonName
            && n == 3
            && w.chars().next_back().is_some_and(|c| GLUED.contains(c))
        {
            let last = w.chars().next_back().map_or(0, char::len_utf8);
            let name = &w[..w.len() - last];
            if name_shape(name)
                && surname_len(name) == Some(name.chars().next().map_or(0, char::len_utf8))
            {
                out.push(Span::new(t.span.start, t.span.end - last));
                k += 1;
                continue;
            }
        }
        // One nr token.
        if t.pos == Pos::PersonName && name_shape(w) {
            let long = n >= 3;
            if long || titled() || cue_after(k + 1) {
                out.push(t.span);
                k += 1;
                continue;
            }
        }
        // A split name: lone surname + fragment (毛/nr 宁/j).
        if n == 1
            && surname_len(w).is_some()
            && let Some(next) = tokens.get(k + 1)
        {
            let f = &text[next.span];
            let whole = &text[t.span.start..next.span.end];
            let fragment_ok = next.pos == Pos::PersonName
                || matches!(next.pos, Pos::Noun | Pos::OtherProper) && f.chars().count() == 1;
            let both_nr = t.pos == Pos::PersonName && next.pos == Pos::PersonName;
            if fragment_ok
                && (1..=2).contains(&f.chars().count())
                && name_shape(whole)
                && (both_nr || titled() || cue_after(k + 2))
            {
                out.push(Span::new(t.span.start, next.span.end));
                k += 2;
                continue;
            }
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_name_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("黄登仁/nr 在/p 任/r", &["黄登仁"]),
            ("院长/n 吴弦光/nr 代表/n", &["吴弦光"]),
            ("欧阳明/nr 来/v", &["欧阳明"]),
            ("总理/n 李鹏/nr 会见/v", &["李鹏"]),
            ("李鹏/nr 说/v", &["李鹏"]),
            ("发言人/n 毛/nr 宁/j 表示/v", &["毛宁"]),
            ("赵华说/nr ，/x", &["赵华"]),
            // Negative: common words jieba tags nr, and two-character names with no context.
            ("顾客/nr 驻足/v", &[]),
            ("弘扬/nr 新风/n", &[]),
            ("雷阵雨/nr ，/x", &[]),
            ("高新区/nr 建设/v", &[]),
            ("卢森堡/nr 首相/n", &[]),
            ("王军/nr 到/v", &[]),
            ("和/c 李鹏/nr", &[]),
            ("连/nr 基地/n", &[]),
            ("麦克风/nr 进行/v", &[]),
            ("时/nr 明确/a 表示/v", &[]),
        ];
        for (s, want) in cases {
            let (text, tokens) = crate::segment::tokens_from_tagged(s);
            let got: Vec<&str> = chinese_names(&text, &tokens)
                .into_iter()
                .map(|sp| &text[sp])
                .collect();
            assert_eq!(got, *want, "{s}");
        }
    }
}
