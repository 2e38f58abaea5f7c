<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;New Visit…</source>
        <translation>新建调研(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a new research visit</source>
        <translation>新建一次调研</translation>
    </message>
    <message>
        <source>&amp;Import Visit…</source>
        <translation>导入调研(&amp;I)…</translation>
    </message>
    <message>
        <source>Read a visit document (JSON) into this database</source>
        <translation>将调研文件（JSON）读入本数据库</translation>
    </message>
    <message>
        <source>&amp;Export Visit…</source>
        <translation>导出调研(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the selected visit as a visit document (JSON)</source>
        <translation>将所选调研导出为调研文件（JSON）</translation>
    </message>
    <message>
        <source>Load &amp;Reference Visit</source>
        <translation>载入示例调研(&amp;R)</translation>
    </message>
    <message>
        <source>Load the Chaoyang joint research visit as sample data</source>
        <translation>载入朝阳区联合调研作为示例数据</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Visit &amp;Properties…</source>
        <translation>调研属性(&amp;P)…</translation>
    </message>
    <message>
        <source>Edit the selected visit&apos;s title, dates, status and methods</source>
        <translation>编辑所选调研的标题、日期、状态和调研方式</translation>
    </message>
    <message>
        <source>&amp;Delete Visit</source>
        <translation>删除调研(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected visit</source>
        <translation>删除所选调研</translation>
    </message>
    <message>
        <source>&amp;About FieldVisit</source>
        <translation>关于 FieldVisit(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>FieldVisit cannot open the database:

{0}</source>
        <translation>FieldVisit 无法打开数据库：

{0}</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Create visit “%1”</source>
        <translation>新建调研“%1”</translation>
    </message>
    <message>
        <source>Edit visit “%1”</source>
        <translation>编辑调研“%1”</translation>
    </message>
    <message>
        <source>Delete visit “%1”</source>
        <translation>删除调研“%1”</translation>
    </message>
</context>
<context>
    <name>DelegationTab</name>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Accompanying host officials</source>
        <translation>陪同调研人员</translation>
    </message>
    <message numerus="yes">
        <source>Delegation: %n people</source>
        <translation>
            <numerusform>调研组：%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> from %n organizations</source>
        <translation>
            <numerusform>，来自 %n 个单位</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>FieldVisit</source>
        <translation>FieldVisit</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that FieldVisit did not expect. Your saved work is safe; the last action may not have been completed.</source>
        <translation>FieldVisit 遇到了意外问题。已保存的内容不受影响；最后一步操作可能没有完成。</translation>
    </message>
</context>
<context>
    <name>ItineraryTab</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Arrive</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Travel to next</source>
        <translation>前往下一站</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动安排</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已出报告</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队领导</translation>
    </message>
    <message>
        <source>Deputy leader</source>
        <translation>副带队领导</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Note-taker</source>
        <translation>记录员</translation>
    </message>
    <message>
        <source>Liaison</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Press</source>
        <translation>随行记者</translation>
    </message>
    <message>
        <source>Accompanying official</source>
        <translation>陪同人员</translation>
    </message>
    <message>
        <source>On-site inspection</source>
        <translation>实地调研</translation>
    </message>
    <message>
        <source>Talks with workers</source>
        <translation>询问交流</translation>
    </message>
    <message>
        <source>Briefings heard en route</source>
        <translation>随行听取汇报</translation>
    </message>
    <message>
        <source>Symposium</source>
        <translation>座谈会</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷调查</translation>
    </message>
    <message>
        <source>Document review</source>
        <translation>查阅资料</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>观察</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>汇报</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>原话</translation>
    </message>
    <message>
        <source>exactly</source>
        <translation>整</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>余</translation>
    </message>
    <message>
        <source>about</source>
        <translation>约</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>不足</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>步行</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>小汽车</translation>
    </message>
    <message>
        <source>Minibus</source>
        <translation>中巴</translation>
    </message>
    <message>
        <source>Public transport</source>
        <translation>公共交通</translation>
    </message>
    <message>
        <source>Trade-union federation</source>
        <translation>工会</translation>
    </message>
    <message>
        <source>Youth league</source>
        <translation>共青团</translation>
    </message>
    <message>
        <source>Women&apos;s federation</source>
        <translation>妇联</translation>
    </message>
    <message>
        <source>Party/government office</source>
        <translation>党政机关</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Street/community office</source>
        <translation>街道/社区</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Visit</source>
        <translation>调研</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>调研列表</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Delete Visit</source>
        <translation>删除调研</translation>
    </message>
    <message>
        <source>Delete the visit “%1” with its delegation, stops, notes, figures and follow-ups? People, organizations and sites stay in the directory. You can undo this with Edit ▸ Undo.</source>
        <translation>删除调研“%1”及其调研组、行程、记录、关键数据和后续事项？人员、单位和地点仍保留在名录中。可通过“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <source>Import Visit</source>
        <translation>导入调研</translation>
    </message>
    <message>
        <source>Visit documents (*.json);;All files (*)</source>
        <translation>调研文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported “%1”: %2 records added, %3 updated, %4 unchanged</source>
        <translation>已导入“%1”：新增 %2 条，更新 %3 条，未变 %4 条</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Export Visit</source>
        <translation>导出调研</translation>
    </message>
    <message>
        <source>Visit documents (*.json)</source>
        <translation>调研文件 (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>This database is empty. Load the reference visit (the joint research visit of four organizations to Chaoyang district) to see how FieldVisit works?</source>
        <translation>数据库为空。是否载入示例调研（四家单位赴朝阳区联合调研），了解 FieldVisit 的用法？</translation>
    </message>
    <message>
        <source>The language changes the next time FieldVisit starts.</source>
        <translation>界面语言将在下次启动 FieldVisit 时生效。</translation>
    </message>
    <message>
        <source>About FieldVisit</source>
        <translation>关于 FieldVisit</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FieldVisit %1&lt;/h3&gt;&lt;p&gt;Plan joint field research visits, take notes on site and publish the research report.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FieldVisit %1&lt;/h3&gt;&lt;p&gt;策划联合调研行程、现场记录，并形成调研报告。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Stop</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Interviewees</source>
        <translation>访谈对象</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>修饰</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>Whole visit</source>
        <translation>全程</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>调研方式</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概述</translation>
    </message>
    <message>
        <source>Conclusions</source>
        <translation>调研结论</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 notes, %2 key figures, %3 follow-ups, %4 photos</source>
        <translation>记录 %1 条，关键数据 %2 项，后续事项 %3 项，照片 %4 张</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Edit Visit</source>
        <translation>编辑调研</translation>
    </message>
    <message>
        <source>New Visit</source>
        <translation>新建调研</translation>
    </message>
    <message>
        <source>e.g. Joint research on new forms of employment</source>
        <translation>例如：新就业形态劳动者联合调研</translation>
    </message>
    <message>
        <source>Dates known</source>
        <translation>已定日期</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>主题(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>目的(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>地区(&amp;R)：</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Methods:</source>
        <translation>调研方式(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>VisitWorkspace</name>
    <message>
        <source>Select a visit on the left, or create one with File ▸ New Visit.</source>
        <translation>请在左侧选择一次调研，或通过“文件 ▸ 新建调研”创建。</translation>
    </message>
    <message>
        <source>&amp;Delegation</source>
        <translation>调研组(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Itinerary</source>
        <translation>行程(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>记录(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
</context>
</TS>
