"""Every check's rule, named the way yamllint names its rules (``pii-phone``, ``yaml-tab-indent``).

Each problem names the rule it breaks (``ProblemList.add(..., rule="pii-phone")``); the rule
decides whether it is an error or a warning, and the site's 检查规则 page lists this table, so
the editors' guide cannot drift from the checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

ERROR: Literal["error"] = "error"
WARNING: Literal["warning"] = "warning"


@dataclass(frozen=True)
class Rule:
    id: str  # kebab-case, shown at the end of every message: (pii-phone)
    title: str  # a short Chinese name
    why: str  # what the rule refuses and why, in plain Chinese, for the rules page
    level: Literal["error", "warning"] = ERROR


class RuledMessage(NamedTuple):
    """A message with the rule it reports, for a check that can find several kinds of problem:
    written ``RuledMessage(text, rule="...")``, so that the rule is named where it is decided
    (``tests/sources/test_rules.py`` finds every ``rule=`` in the generator)."""

    message: str
    rule: str


_PII = "网站是公开的，不能发布居民的个人信息。"
_SAFE = "为了安全，编辑写的内容不能让网页运行代码或向其他网站发请求。"

_TABLE = (
    Rule(
        "pii-phone",
        "手机号",
        "任何一项里都不能有手机号，写成全角、中文数字或中间加了空格和符号也算。" + _PII,
    ),
    Rule("pii-landline", "固定电话", "不能有带区号的固定电话号码。" + _PII),
    Rule("pii-id-number", "身份证号", "不能有 18 位或 15 位的身份证号，校验位不对的也算。" + _PII),
    Rule("pii-email", "电子邮箱", "不能有电子邮箱，写成 (at)、艾特、dot 的也算。" + _PII),
    Rule("pii-qq", "QQ 号", "不能有写在“QQ”“扣扣”等字样后面的 QQ 号。" + _PII),
    Rule("pii-wechat", "微信号", "不能有写在“微信”“vx”等字样后面的微信号。" + _PII),
    Rule(
        "pii-address",
        "居民住址",
        "不能有带房号的住址（如 3栋2单元501室）；街道门牌、院子、服务中心这样的地点可以写。" + _PII,
    ),
    Rule(
        "pii-commit-subject",
        "提交说明里的个人信息",
        "提交说明里有电话、身份证号等个人信息时，这条说明不显示在“最近更新”和订阅里。"
        "提交说明会一直留在历史里，请不要写个人信息。",
        WARNING,
    ),
    Rule("html-tag", "HTML 标签", "正文只能用 Markdown 写法，不能写 HTML 标签。" + _SAFE),
    Rule(
        "link-scheme",
        "不安全的链接",
        "链接只能指向 http:// 或 https:// 开头的网址，或本站的页面；"
        "javascript: 这样的链接会运行代码。",
    ),
    Rule("link-title", "链接标题里的尖括号", "链接的标题只能是文字，不能有 < 或 >。" + _SAFE),
    Rule(
        "image-remote",
        "其他网站的图片",
        "图片要放在本站里，不能引用其他网站上的图片：网站不向其他网站加载任何内容。",
    ),
    Rule(
        "link-missing-page",
        "链接到不存在的页面",
        "站内链接要指向网站上真有的页面，否则读者点开只会看到“找不到页面”。",
    ),
    Rule(
        "link-missing-file",
        "链接到不存在的文件",
        "图片和附件的链接要指向 site_config/docs/ 里真有的文件，否则读者看不到图片或下载不了附件。",
    ),
    Rule("md-attr-list", "属性写法", "网站不支持 {: …} 这种给文字加属性的写法，它会原样显示出来。"),
    Rule(
        "md-abbreviation", "缩写定义", "网站不支持 *[缩写]: 说明 这种写法；术语的解释请写进术语表。"
    ),
    Rule(
        "md-too-costly",
        "太难解析的段落",
        "一段里的方括号、尖括号或列表项太多时，检查和生成网站会非常慢，所以不解析这样的内容。",
    ),
    Rule("md-too-deep", "Markdown 嵌套太深", "列表、引用或方括号一层套一层太深时，网页无法生成。"),
    Rule(
        "md-front-matter",
        "Markdown 的信息块",
        "Markdown 文件要以一行 --- 开头，写完 id、title 等信息后再以一行 --- 结束，"
        "否则读不出这些信息。",
    ),
    Rule(
        "char-control",
        "控制字符",
        "文字里不能有看不见的控制字符，它们通常是从别处复制时带进来的，"
        "会让文字显示得和写的不一样。",
    ),
    Rule(
        "char-noncharacter",
        "非字符",
        "文字里不能有 Unicode 规定不作文字使用的“非字符”（如 U+FFFE），网页和订阅都不能含有它们。",
    ),
    Rule(
        "yaml-character",
        "文件里不能用的字符",
        "文件里有 YAML 本身读不了的字符（看不见的控制字符或“非字符”）时，整个文件都读不出来。",
    ),
    Rule(
        "url-invalid",
        "网址",
        "来源网址要是完整的 http:// 或 https:// 网址，不能有空格、引号或尖括号。",
    ),
    Rule(
        "search-word", "搜索词", "同义词只能是 2 到 12 个汉字、字母或数字，中间不能有空格或标点。"
    ),
    Rule(
        "id-format",
        "id 的写法",
        "id 会成为网页地址的一部分，只能用小写英文字母、数字和连字符（-）。",
    ),
    Rule(
        "id-reserved",
        "保留的 id",
        "有些名字已经是网站自己的页面（如 index），用作 id 会和那个页面重名。",
    ),
    Rule(
        "id-duplicate", "重复的 id", "同一类内容里每个 id 只能用一次，否则两个页面会是同一个地址。"
    ),
    Rule(
        "item-id-duplicate",
        "重复的条目 id",
        "一个清单里每个条目的 id 必须不同：读者在网页上的勾选是按条目 id 保存的。",
    ),
    Rule("date-format", "日期", "日期要写成 2021、2021-06 或 2021-06-15，而且要是真实存在的日期。"),
    Rule(
        "vocab-unknown",
        "词表之外的取值",
        "街道、小区类型、板块等只能从站点词表（site_config/vocabularies.yml）里选，"
        "这样按它们分类和筛选才准确。",
    ),
    Rule(
        "value-not-allowed",
        "不允许的取值",
        "这一项只能从几个固定的取值里选一个，或在允许的范围内（例如时长要大于 0）。",
    ),
    Rule("value-empty", "空的项目", "写了的项目不能是空的：请填写内容，或删掉这一行。"),
    Rule(
        "basis-missing", "缺少依据原话", "清单条目写了依据的来源，就要在 basis 里照录依据的原话。"
    ),
    Rule(
        "type-mismatch",
        "写法和类型不符",
        "每一项有固定的写法：一段文字、整数、列表或下一级的“键: 值”，写错了就读不出来。",
    ),
    Rule("key-missing", "缺少必填项", "必填的项目不能漏写，否则页面缺少这部分内容。"),
    Rule(
        "key-unknown",
        "不认识的项目名",
        "项目名写错时，这一项的内容不会显示在网站上，所以报错并提示正确的名字。",
    ),
    Rule("key-invalid", "项目名的写法", "项目名只能是一个简单的英文单词，例如 title。"),
    Rule(
        "value-too-long",
        "太长的一项",
        "一项内容不能超过 6 万个字符：太长的内容会让检查变慢，请精简或分成几个文件。",
    ),
    Rule("number-too-long", "太长的数字", "超过 30 位的数字不是真正的数字；编号或文字请加上引号。"),
    Rule(
        "yaml-syntax",
        "YAML 格式",
        "文件要按 YAML 的格式写：冒号后面有空格，同级的行缩进一样，含有冒号或 # 的文字加引号。",
    ),
    Rule(
        "yaml-duplicate-key", "重复的项目", "同一个项目写了两次时，前面的内容会丢失，请合并成一个。"
    ),
    Rule("yaml-tab-indent", "用 Tab 缩进", "YAML 只能用空格缩进，不能用 Tab 键。"),
    Rule(
        "yaml-fullwidth-colon",
        "全角冒号",
        "项目名后面要用半角冒号「:」加一个空格，中文输入法打出的全角冒号「：」读不出来。",
    ),
    Rule(
        "yaml-fullwidth-space", "全角空格", "缩进要用半角空格，中文输入法打出的全角空格读不出来。"
    ),
    Rule(
        "yaml-boolean",
        "会被读成“是/否”的词",
        "no、yes、on、off 等不加引号时会被读成“是/否”，而不是文字。",
    ),
    Rule(
        "yaml-alias",
        "锚点和别名",
        "不支持 YAML 的锚点和别名（& 和 *）：它们可以让一个小文件展开成极大的内容。"
        "请把内容直接写出来。",
    ),
    Rule("yaml-tag", "YAML 标签", "不支持 !! 开头的 YAML 标签：有些标签会让程序运行代码。"),
    Rule(
        "yaml-too-deep",
        "YAML 嵌套太深",
        "列表或“键: 值”的嵌套不能超过 20 层，知识库的文件不需要这么多层。",
    ),
    Rule(
        "yaml-empty", "空文件", "文件是空的（或只有注释）时读不出任何内容：请按示例填写，或删除它。"
    ),
    Rule(
        "yaml-not-mapping",
        "不是“键: 值”",
        "文件的内容要是一组“键: 值”（id: …、title: …），而不是列表或单独一段文字。",
    ),
    Rule("encoding-not-utf8", "不是 UTF-8 编码", "文件要用 UTF-8 编码保存，否则中文读不出来。"),
    Rule("encoding-gbk", "GBK 编码", "文件是记事本的 ANSI（GBK）编码，要另存为 UTF-8 编码。"),
    Rule(
        "file-binary",
        "不是文本文件",
        "案例和内容文件只能是 YAML 或 Markdown 文本；图片和附件请放进 site_config/docs/assets/。",
    ),
    Rule(
        "file-too-big",
        "文件太大",
        "一个文件不能超过 256 KB（约 8 万个汉字），太大的文件通常是粘贴了图片或整份文件。",
    ),
    Rule(
        "file-link",
        "链接文件",
        "知识库里不能有符号链接或快捷方式：它会把所指的文件（例如仓库的设置）当作这里的内容发布。",
    ),
    Rule("file-not-regular", "不是普通文件", "管道、设备等不是普通文件的东西不会被读取或发布。"),
    Rule(
        "file-skipped",
        "不会读取的文件",
        "文件名以 _ 或 . 开头的文件不会被读取或发布；看起来像要发布的内容时提醒一下。",
        WARNING,
    ),
    Rule(
        "file-stray",
        "放错位置的文件",
        "content/ 里只读取固定的几个文件夹和文件，放在别处的文件不会被读取。",
        WARNING,
    ),
    Rule(
        "file-missing",
        "缺少站点词表",
        "网站需要站点词表 site_config/vocabularies.yml 才能检查街道、小区类型等取值。",
    ),
    Rule(
        "attachment-type",
        "不能发布的附件",
        "site_config/docs/ 里只能发布图片、文档、音频和视频；网页、"
        "XML 等文件在浏览器里打开时可能以本站的名义运行代码。",
    ),
    Rule(
        "attachment-upload",
        "上传文件夹里的文件",
        "表单编辑器的上传文件夹里只能有 JPG、PNG、GIF、WebP 图片和 PDF 文件，"
        "而且扩展名要和内容一致。",
    ),
    Rule(
        "attachment-mismatch",
        "扩展名和内容不符",
        "图片和 PDF 的扩展名要和文件内容一致：改了扩展名的网页或程序可能以本站的名义运行代码。",
    ),
    Rule(
        "svg-active",
        "SVG 里的代码",
        "SVG 图片不能含有脚本、事件属性或外部定义：打开图片时它们会运行代码。",
    ),
    Rule("svg-invalid", "读不了的 SVG", "SVG 文件格式有误时无法检查和发布。"),
    Rule(
        "ref-unknown",
        "找不到关联的内容",
        "关联的案例、工作法、政策文件或清单的 id 必须存在，否则页面上的链接会断掉。",
    ),
    Rule(
        "ref-draft",
        "关联了草稿",
        "关联的内容还是草稿时，正式网站上不显示这条关联；对方发布后会自动出现。",
        WARNING,
    ),
    Rule("training-duration", "培训总时长", "培训模块各教学单元的时长加起来要等于总时长。"),
    Rule(
        "training-timing", "时间安排", "教学单元时间安排里各环节的时长加起来要等于这个单元的时长。"
    ),
    Rule("training-case-missing", "案例研讨没有案例", "“案例研讨”单元至少要用一个案例。"),
    Rule("synonym-duplicate", "重复的同义词", "一个词只能属于一组同义词，否则搜索它时会查成两组。"),
    Rule(
        "placeholder-text",
        "模板里的示例文字",
        "kb new 模板里的示例文字要换成实际的内容后才能发布；还在写的文件可以保留 status: draft。",
    ),
    Rule(
        "template-error",
        "页面模板出错",
        "site_config/templates/ 里的页面模板有错误时，网站无法生成。",
    ),
    Rule(
        "history-unavailable",
        "没有完整的提交历史",
        "没有 git 历史或只有浅克隆时，网站照常生成，只是页面上不显示“首次发布”和“最近更新”日期。",
        WARNING,
    ),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _TABLE}
