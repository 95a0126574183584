use super::*;

fn values(text: &str) -> Vec<(String, String)> {
    extract(text)
        .values
        .unwrap_or_default()
        .into_iter()
        .map(|v| (v.value, v.description))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn enum_lists_in_every_style() {
    assert_eq!(
        values("镜像类型。枚举值：`System`（系统镜像）、`App`（应用镜像）"),
        pairs(&[("System", "系统镜像"), ("App", "应用镜像")])
    );
    assert_eq!(
        values("镜像类型。枚举值:System(系统镜像)、App(应用镜像)"),
        pairs(&[("System", "系统镜像"), ("App", "应用镜像")])
    );
    assert_eq!(
        values("关机方式。枚举值：  > Soft，软关机（默认）；  > Hard，强制关机"),
        pairs(&[("Soft", "软关机"), ("Hard", "强制关机")])
    );
    assert_eq!(
        extract("枚举值： > Soft，软关机（默认）； > Hard，强制关机")
            .default
            .as_deref(),
        Some("Soft")
    );
    assert_eq!(
        values("GPU类型，枚举值[\"K80\", \"T4/4\",2080\",\"A100\"]，MachineType为G时必填"),
        pairs(&[("K80", ""), ("T4/4", ""), ("2080", ""), ("A100", "")])
    );
    assert_eq!(
        values("计费模式。枚举值：Month/Year"),
        pairs(&[("Month", ""), ("Year", "")])
    );
    assert_eq!(
        values("计费模式，枚举值为： Year，按年付费； Month，按月付费；Postpay，按需付费"),
        pairs(&[
            ("Year", "按年付费"),
            ("Month", "按月付费"),
            ("Postpay", "按需付费")
        ])
    );
    assert_eq!(
        values(
            "实例状态，枚举值： >初始化: Initializing; > 安装失败: Install Fail; > 未知(空字符串)："
        ),
        pairs(&[("Initializing", "初始化"), ("Install Fail", "安装失败")])
    );
    assert_eq!(
        values(
            "计费模式。枚举值为： > Month，按月付费； > Spot计费为抢占式实例(内测阶段) 默认为月付"
        ),
        pairs(&[
            ("Month", "按月付费"),
            ("Spot", "计费为抢占式实例(内测阶段)")
        ])
    );
    assert_eq!(
        values(
            "枚举值为： > Dynamic，按小时付费； Day，按天付费 如果不传某个枚举值，默认返回月付价格"
        ),
        pairs(&[("Dynamic", "按小时付费"), ("Day", "按天付费")])
    );
}

#[test]
fn enum_lists_without_the_keyword() {
    assert_eq!(
        values("镜像类型。 - System 平台提供的公共镜像； - App 平台提供的应用镜像"),
        pairs(&[
            ("System", "平台提供的公共镜像"),
            ("App", "平台提供的应用镜像")
        ])
    );
    assert_eq!(
        values("镜像类型- System 系统镜像- App 应用镜像"),
        pairs(&[("System", "系统镜像"), ("App", "应用镜像")])
    );
    assert_eq!(
        values("组状态。`Available`：可用（至少一个）；`UnAvailable`：不可用"),
        pairs(&[("Available", "可用（至少一个）"), ("UnAvailable", "不可用")])
    );
    assert!(values("`true` 为系统盘，`false` 为数据盘").is_empty());
    assert!(values("- 只有一项").is_empty());
}

#[test]
fn unreadable_enums_warn() {
    let found = extract("GPU 卡型号。枚举值见下方「GPU 类型列表」");
    assert_eq!(found.values, None);
    assert_eq!(found.warnings.len(), 1, "{:?}", found.warnings);
    assert_eq!(extract("操作类型枚举映射"), Found::default());
}

#[test]
fn defaults() {
    let d = |t: &str| extract(t).default;
    assert_eq!(d("偏移量,默认 0").as_deref(), Some("0"));
    assert_eq!(d("每页数量，默认 `20`，最大 `100`").as_deref(), Some("20"));
    assert_eq!(d("内存。默认值：8192").as_deref(), Some("8192"));
    assert_eq!(d("列表起始位置偏移量，默认为0").as_deref(), Some("0"));
    assert_eq!(d("购买时长。默认:值 1。").as_deref(), Some("1"));
    assert_eq!(d("默认值是\"Intel/Auto\"。").as_deref(), Some("Intel/Auto"));
    assert_eq!(d("不填默认No").as_deref(), Some("No"));
    assert_eq!(d("不填写为默认项目"), None);
    let f = extract("计费模式 默认为月付");
    assert_eq!(f.default, None);
    assert_eq!(f.warnings.len(), 1);
    let f = extract("默认 1，默认值：2");
    assert_eq!(f.default, None);
    assert!(f.warnings[0].contains("ambiguous"), "{:?}", f.warnings);
}

#[test]
fn bounds_ranges_and_lengths() {
    let f = extract("每页数量,默认 20,最大 100");
    assert_eq!((f.min, f.max), (None, Some(Number::Int(100))));
    let f = extract("GPU 卡数，取值范围 1\\~8".replace('\\', "").as_str());
    assert_eq!((f.min, f.max), (Some(Number::Int(1)), Some(Number::Int(8))));
    let f = extract("内存大小。范围 ：[1024, 262144]，取值为1024的倍数");
    assert_eq!(
        (f.min, f.max),
        (Some(Number::Int(1024)), Some(Number::Int(262144)))
    );
    let f = extract("购买台数，范围[1,5]。默认：1");
    assert_eq!((f.min, f.max), (Some(Number::Int(1)), Some(Number::Int(5))));
    let f = extract("GPU 卡数量。取值范围 1~8 或 1~10，因卡型号而异");
    assert_eq!((f.min, f.max), (None, None));
    assert!(
        f.warnings[0].contains("ambiguous range"),
        "{:?}",
        f.warnings
    );
    assert_eq!(extract("实例名称，最长 63 个字符").max_length, Some(63));
    assert_eq!(extract("镜像标签列表，最多支持3个标签").max_count, Some(3));
    assert_eq!(extract("最大 GPU 数").max, None);
    assert_eq!(extract("可选范围参照控制台").min, None);
}

#[test]
fn ranges_left_to_the_console_are_no_limits() {
    let f = extract(
        "内存大小。单位：MB。范围 ：[1024, 262144]，取值为1024的倍数（可选范围参考控制台）。默认值：8192",
    );
    assert_eq!((f.min, f.max), (None, None));
    assert_eq!(f.default.as_deref(), Some("8192"));
    assert!(f.warnings[0].contains("console"), "{:?}", f.warnings);
    let f = extract("磁盘大小，最大 2000（具体上限参照控制台）");
    assert_eq!(f.max, None);
    // Only the sentence that holds the range counts.
    let f = extract("购买台数，范围[1,5]。控制台可查看已购数量");
    assert_eq!((f.min, f.max), (Some(Number::Int(1)), Some(Number::Int(5))));
}

/// A cell as the docs write it, `<br />` and all.
fn cell(raw: &str) -> Found {
    extract(&crate::page::cells::clean_lines_with_ticks(raw))
}

fn cell_values(raw: &str) -> Vec<(String, String)> {
    cell(raw)
        .values
        .unwrap_or_default()
        .into_iter()
        .map(|v| (v.value, v.description))
        .collect()
}

#[test]
fn text_after_a_list_is_no_member_s_meaning() {
    let raw = "镜像类型。枚举值<br />- System 平台镜像<br />- App 应用镜像<br /><br />默认：System";
    assert_eq!(
        cell_values(raw),
        pairs(&[("System", "平台镜像"), ("App", "应用镜像")])
    );
    assert_eq!(cell(raw).default.as_deref(), Some("System"));
    let raw = "排序条件。<br />- Favor：按热度排序；<br />- Price 按价格排序<br />- Count 按数量排序<br />默认：\"Price\"";
    assert_eq!(
        cell_values(raw),
        pairs(&[
            ("Favor", "按热度排序"),
            ("Price", "按价格排序"),
            ("Count", "按数量排序")
        ])
    );
    assert_eq!(cell(raw).default.as_deref(), Some("Price"));
    assert_eq!(
        cell_values("盘类型<br />- Boot 系统盘<br />- Data 数据盘<br />单位：GB"),
        pairs(&[("Boot", "系统盘"), ("Data", "数据盘")])
    );
    assert_eq!(
        cell_values("是否容器。<br />- True 容器<br />- False 虚机<br />注意：仅部分机型支持"),
        pairs(&[("True", "容器"), ("False", "虚机")])
    );
}

#[test]
fn arrowed_lists_end_where_their_lines_do() {
    assert_eq!(
        cell_values(
            "计费。枚举值为: <br /><br /> > Month，按月付费；<br /><br /> > Spot计费为抢占式 <br /><br /> 默认为月付"
        ),
        pairs(&[("Month", "按月付费"), ("Spot", "计费为抢占式")])
    );
    assert_eq!(
        cell_values(
            "计费。枚举值为： <br /><br /> > Year，按年付费；<br /><br /> Day，按天付费<br /><br /><br /> 不传时默认返回月付价格<br />"
        ),
        pairs(&[("Year", "按年付费"), ("Day", "按天付费")])
    );
    assert_eq!(
        cell_values(
            "状态。枚举值：<br /><br /> >初始化: Initializing; <br /><br /> >关机: Stopped <br /><br /> >安装失败: Install Fail; <br /><br /> > 未知(空字符串)：\"\""
        ),
        pairs(&[
            ("Initializing", "初始化"),
            ("Stopped", "关机"),
            ("Install Fail", "安装失败")
        ])
    );
    assert_eq!(
        cell_values(
            "价格。枚举值：<br /><br /> > Year，按年付费； <br /><br /> > Month。未指定时返回全部"
        ),
        pairs(&[("Year", "按年付费"), ("Month", "")])
    );
    let f = cell(
        "系统盘。枚举值：<br /><br /> > True，是系统盘 <br /><br /> > False，是数据盘（默认）。只能有一块系统盘。",
    );
    assert_eq!(
        f.values
            .unwrap()
            .into_iter()
            .map(|v| (v.value, v.description))
            .collect::<Vec<_>>(),
        pairs(&[("True", "是系统盘"), ("False", "是数据盘")])
    );
    assert_eq!(f.default.as_deref(), Some("False"));
    let f = cell(
        "计费。枚举值： <br /><br /> > Year，按年付费； <br /><br /> > Month，按月付费；默认：Month",
    );
    assert_eq!(f.values.unwrap()[1].description, "按月付费");
    assert_eq!(f.default.as_deref(), Some("Month"));
}

#[test]
fn defaults_are_values_not_nouns() {
    let f = cell("VPC ID。默认为当前地域的默认VPC。");
    assert_eq!(f.default, None);
    assert_eq!(f.warnings.len(), 1, "{:?}", f.warnings);
    let f = cell("防火墙ID，默认：Web推荐防火墙。");
    assert_eq!(f.default, None);
    assert!(
        f.warnings[0].contains("cannot read a default"),
        "{:?}",
        f.warnings
    );
    assert_eq!(
        cell("是否允许（不填默认No）").default.as_deref(),
        Some("No")
    );
    assert_eq!(cell("名称，默认 `host`。").default.as_deref(), Some("host"));
}
