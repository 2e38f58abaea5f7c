<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About FieldVisit</source>
        <translation>关于 FieldVisit</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>FieldVisit licence</source>
        <translation>FieldVisit 许可证</translation>
    </message>
    <message>
        <source>&amp;Licence</source>
        <translation>许可证(&amp;L)</translation>
    </message>
    <message>
        <source>Font licence</source>
        <translation>字体许可证</translation>
    </message>
    <message>
        <source>&amp;Font</source>
        <translation>字体(&amp;F)</translation>
    </message>
    <message>
        <source>Li&amp;braries</source>
        <translation>依赖库(&amp;B)</translation>
    </message>
    <message>
        <source>Plan joint field research visits, take notes on site and publish the research report.</source>
        <translation>策划联合调研行程，现场记录，形成调研报告。</translation>
    </message>
    <message>
        <source>Copyright © 2026 The FieldVisit developers. Free software under the MIT licence.</source>
        <translation>版权所有 © 2026 FieldVisit 开发者。依 MIT 许可证发布的自由软件。</translation>
    </message>
    <message>
        <source>Chinese text uses the bundled WenQuanYi Micro Hei font (Apache License 2.0).</source>
        <translation>中文使用随附的文泉驿微米黑字体（Apache License 2.0）。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>The licence file is missing from this copy.</source>
        <translation>此副本缺少许可证文件。</translation>
    </message>
    <message>
        <source>FieldVisit is built on these libraries:</source>
        <translation>FieldVisit 使用了以下程序库：</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>程序库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Libraries and their licences</source>
        <translation>程序库及其许可证</translation>
    </message>
</context>
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
        <source>Delete the selected visit</source>
        <translation>删除所选调研</translation>
    </message>
    <message>
        <source>&amp;New Note</source>
        <translation>新建记录(&amp;N)</translation>
    </message>
    <message>
        <source>Start a note at the current stop of the selected visit</source>
        <translation>在所选调研的当前站点新建一条记录</translation>
    </message>
    <message>
        <source>&amp;Directory…</source>
        <translation>名录(&amp;D)…</translation>
    </message>
    <message>
        <source>Organizations, people and sites shared by all visits</source>
        <translation>各次调研共用的单位、人员和地点名录</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>Find text in the notes, key figures and follow-ups of all visits</source>
        <translation>在所有调研的记录、关键数据和后续事项中查找文字</translation>
    </message>
    <message>
        <source>Merge &amp;Conflicts…</source>
        <translation>合并冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>Records changed both here and on another laptop</source>
        <translation>在本机和另一台电脑上都被修改过的记录</translation>
    </message>
    <message>
        <source>&amp;About FieldVisit</source>
        <translation>关于 FieldVisit(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Language, report defaults, data folder and travel speeds</source>
        <translation>界面语言、报告默认设置、数据文件夹和出行速度</translation>
    </message>
    <message>
        <source>Delete &amp;Visit…</source>
        <translation>删除调研(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected item of the list that has focus</source>
        <translation>删除当前列表中选中的项目</translation>
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
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>Add to Delegation</source>
        <translation>加入调研组</translation>
    </message>
    <message>
        <source>Search by name, title or organization — pinyin works: pjx finds 潘建新</source>
        <translation>按姓名、职务或单位搜索——支持拼音：输入 pjx 可找到潘建新</translation>
    </message>
    <message>
        <source>&amp;New Person…</source>
        <translation>新建人员(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>加入(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Nobody matches. Use “New Person…” to add someone to the directory.</source>
        <translation>没有匹配的人员。可用“新建人员…”添加到名录。</translation>
    </message>
</context>
<context>
    <name>AddStopDialog</name>
    <message>
        <source>Add Stop</source>
        <translation>添加站点</translation>
    </message>
    <message>
        <source>Search sites by name or address (pinyin works)</source>
        <translation>按名称或地址搜索地点（支持拼音）</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;New Site…</source>
        <translation>新建地点(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>第几天(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Stay:</source>
        <translation>停留(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Nobody leads the delegation.</source>
        <translation>调研组没有带队领导。</translation>
    </message>
    <message>
        <source>Several leaders: %1.</source>
        <translation>带队领导不止一位：%1。</translation>
    </message>
    <message>
        <source>%1 is listed twice.</source>
        <translation>%1 被重复列入。</translation>
    </message>
    <message>
        <source>No note-taker at stop %1.</source>
        <translation>站点 %1 没有记录员。</translation>
    </message>
    <message>
        <source>%1 takes part but has nobody in the delegation.</source>
        <translation>%1 参加调研，但调研组中没有该单位人员。</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
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
    <name>Conflicts</name>
    <message>
        <source>arrives %1 min before opening</source>
        <translation>比开放时间早到 %1 分钟</translation>
    </message>
    <message>
        <source>leaves %1 min after closing</source>
        <translation>比关闭时间晚走 %1 分钟</translation>
    </message>
    <message>
        <source>closed that day</source>
        <translation>当天不开放</translation>
    </message>
    <message>
        <source>overruns the day&apos;s end by %1 min</source>
        <translation>超出当天结束时间 %1 分钟</translation>
    </message>
    <message>
        <source>travel unknown: add coordinates or type the travel time</source>
        <translation>行程时间未知：请补充坐标或填写行程时间</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Merge Conflicts</source>
        <translation>合并冲突</translation>
    </message>
    <message>
        <source>These records were changed both here and on the other laptop, or deleted on one and changed on the other. This database&apos;s version is kept until you choose.</source>
        <translation>这些记录在本机和另一台电脑上都被修改过，或在一方被删除、在另一方被修改。在您选择之前，保留本数据库中的版本。</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation>采用对方的(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>No conflicts to resolve.</source>
        <translation>没有需要处理的冲突。</translation>
    </message>
    <message>
        <source>Mine (this database)</source>
        <translation>我的（本数据库）</translation>
    </message>
    <message>
        <source>Theirs (the package)</source>
        <translation>对方的（数据包）</translation>
    </message>
    <message>
        <source>Changed on both laptops</source>
        <translation>两台电脑上都修改过</translation>
    </message>
    <message>
        <source>Deleted on the other laptop, edited here</source>
        <translation>另一台电脑上已删除，本机修改过</translation>
    </message>
    <message>
        <source>Deleted here, edited on the other laptop</source>
        <translation>本机已删除，另一台电脑上修改过</translation>
    </message>
    <message>
        <source>Reordered on both laptops</source>
        <translation>两台电脑上都调整过顺序</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>调研</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Participating organization</source>
        <translation>参加单位</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>调研组</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Key figure</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Report text</source>
        <translation>报告文稿</translation>
    </message>
    <message>
        <source>Both laptops changed the order of the stops. This database&apos;s itinerary order is kept until you choose: Keep Mine, or Take Theirs to put the stops in the other laptop&apos;s order.</source>
        <translation>两台电脑都调整过站点顺序。在您选择之前，保留本机数据库的行程顺序：选择“保留我的”，或选择“采用对方的”按另一台电脑的顺序排列站点。</translation>
    </message>
    <message>
        <source>Both laptops changed the order of the notes. This database&apos;s order is kept until you choose: Keep Mine, or Take Theirs to put the notes in the other laptop&apos;s order.</source>
        <translation>两台电脑都调整过记录顺序。在您选择之前，保留本机数据库的顺序：选择“保留我的”，或选择“采用对方的”按另一台电脑的顺序排列记录。</translation>
    </message>
    <message>
        <source>Both laptops changed the protocol order of the delegation. This database&apos;s order is kept until you choose: Keep Mine, or Take Theirs to put the members in the other laptop&apos;s order.</source>
        <translation>两台电脑都调整过调研组成员的礼宾顺序。在您选择之前，保留本机数据库的顺序：选择“保留我的”，或选择“采用对方的”按另一台电脑的顺序排列成员。</translation>
    </message>
    <message>
        <source>Changed on both laptops. Only these fields differ; the others are merged already: %1</source>
        <translation>两台电脑上都修改过。只有以下字段不一致，其余字段已经合并：%1</translation>
    </message>
    <message>
        <source>Deleted on the other laptop, edited here.</source>
        <translation>另一台电脑上已删除，本机修改过。</translation>
    </message>
    <message>
        <source>Deleted here, edited on the other laptop.</source>
        <translation>本机已删除，另一台电脑上修改过。</translation>
    </message>
    <message>
        <source>Records here still belong to it.</source>
        <translation>本机仍有记录属于它。</translation>
    </message>
    <message>
        <source>Records of the other laptop still belong to it.</source>
        <translation>另一台电脑上仍有记录属于它。</translation>
    </message>
    <message>
        <source>Keep the record, or delete it on this laptop too.</source>
        <translation>保留这条记录，或在本机也将其删除。</translation>
    </message>
</context>
<context>
    <name>DatabaseWatch</name>
    <message>
        <source>Not saving: the database&apos;s files were changed by another program</source>
        <translation>未保存：数据库文件已被其他程序改动</translation>
    </message>
    <message>
        <source>%1.

Everything this window still shows was written to:
%2

Quit FieldVisit and keep both files. To go on from your latest changes, start FieldVisit on the copy (fieldvisit --db and its name), or move %3 aside and give the copy its name.</source>
        <translation>%1。

本窗口仍显示的全部内容已写入：
%2

请退出 FieldVisit，并保留这两个文件。若要从最近的更改继续，请用该副本启动 FieldVisit（fieldvisit --db 加副本文件名），或将 %3 移到别处，再把副本改成它的名字。</translation>
    </message>
    <message>
        <source>%1.

FieldVisit could not write a copy of what this window still shows: %2</source>
        <translation>%1。

FieldVisit 无法写出本窗口仍显示内容的副本：%2</translation>
    </message>
    <message>
        <source>Saving what this window still shows…</source>
        <translation>正在保存本窗口仍显示的内容…</translation>
    </message>
</context>
<context>
    <name>DayTimeline</name>
    <message>
        <source>Day timeline</source>
        <translation>日程时间轴</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>第%1天</translation>
    </message>
    <message>
        <source>Travel %1</source>
        <translation>行程 %1</translation>
    </message>
    <message>
        <source>%1 (estimated from the distance)</source>
        <translation>%1（按距离估算）</translation>
    </message>
    <message>
        <source>Waiting %1</source>
        <translation>等候 %1</translation>
    </message>
    <message>
        <source>Reported delay %1</source>
        <translation>报告延误 %1</translation>
    </message>
    <message>
        <source>Appointment at %1</source>
        <translation>约定 %1 到达</translation>
    </message>
    <message>
        <source>The day ends at %1</source>
        <translation>当天结束于 %1</translation>
    </message>
    <message>
        <source>No stops yet: add one with Add Stop.</source>
        <translation>尚无站点：请用“添加站点”添加。</translation>
    </message>
</context>
<context>
    <name>DelegationCommands</name>
    <message>
        <source>Add %1 to the delegation</source>
        <translation>将%1加入调研组</translation>
    </message>
    <message numerus="yes">
        <source>Add %n people to the delegation</source>
        <translation>
            <numerusform>将 %n 人加入代表团</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1 from the delegation</source>
        <translation>将%1移出调研组</translation>
    </message>
    <message>
        <source>Make %1 %2</source>
        <translation>将%1设为%2</translation>
    </message>
    <message>
        <source>Make %1 the contact of %2</source>
        <translation>将%1设为%2的联系人</translation>
    </message>
    <message>
        <source>Clear the contact of %2</source>
        <translation>清除%2的联系人</translation>
    </message>
    <message>
        <source>%1 goes to %2</source>
        <translation>%1 前往 %2</translation>
    </message>
    <message>
        <source>%1 skips %2</source>
        <translation>%1 不去 %2</translation>
    </message>
    <message>
        <source>Withdraw %1 from the visit</source>
        <translation>将%1撤出本次调研</translation>
    </message>
</context>
<context>
    <name>DelegationModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
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
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>DelegationTab</name>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>调研组成员</translation>
    </message>
    <message>
        <source>Organizations taking part</source>
        <translation>参加单位</translation>
    </message>
    <message>
        <source>&amp;Remove Member</source>
        <translation>移除成员(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Withdraw Organization…</source>
        <translation>撤出参加单位(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Add Member…</source>
        <translation>添加成员(&amp;A)…</translation>
    </message>
    <message>
        <source>Add someone from the directory</source>
        <translation>从名录中添加人员</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected member</source>
        <translation>移除所选成员</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Sort by Role</source>
        <translation>按角色排序(&amp;S)</translation>
    </message>
    <message>
        <source>Leaders first, then by rank of role</source>
        <translation>带队领导在前，其余按角色排序</translation>
    </message>
    <message>
        <source>&amp;Contact Person</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <source>Make the selected member the contact of their organization</source>
        <translation>将所选成员设为其单位的联系人</translation>
    </message>
    <message>
        <source>&amp;Copy Roster</source>
        <translation>复制名单(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the delegation in protocol order as a table</source>
        <translation>按排序将调研组名单复制为表格</translation>
    </message>
    <message>
        <source>Who goes to which stop</source>
        <translation>各站点参加人员</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Withdraw the chosen organization from the visit, with its members</source>
        <translation>将所选参加单位连同其成员撤出本次调研</translation>
    </message>
    <message>
        <source>Right-click an organization to withdraw it from the visit (%1)</source>
        <translation>右键单击单位可将其撤出本次调研（%1）</translation>
    </message>
    <message numerus="yes">
        <source>Delegation in protocol order: %n people</source>
        <translation>
            <numerusform>调研组（按排序）：%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n organizations taking part</source>
        <translation>
            <numerusform>，%n 个参加单位</numerusform>
        </translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>（暂无人员）</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>上移%1</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>下移%1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动%1</translation>
    </message>
    <message>
        <source>Sort the delegation by role</source>
        <translation>调研组按角色排序</translation>
    </message>
    <message>
        <source>Accompanying host officials</source>
        <translation>陪同调研人员</translation>
    </message>
</context>
<context>
    <name>DirectoryCommands</name>
    <message>
        <source>Add %1 to the directory</source>
        <translation>将%1添加到名录</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Delete %1 from the directory</source>
        <translation>从名录中删除%1</translation>
    </message>
    <message>
        <source>Add the organization %1</source>
        <translation>添加单位%1</translation>
    </message>
    <message>
        <source>Edit the organization %1</source>
        <translation>编辑单位%1</translation>
    </message>
    <message>
        <source>Delete the organization %1</source>
        <translation>删除单位%1</translation>
    </message>
    <message>
        <source>Add the site %1</source>
        <translation>添加地点%1</translation>
    </message>
    <message>
        <source>Edit the site %1</source>
        <translation>编辑地点%1</translation>
    </message>
    <message>
        <source>Delete the site %1</source>
        <translation>删除地点%1</translation>
    </message>
</context>
<context>
    <name>DirectoryWindow</name>
    <message>
        <source>Directory</source>
        <translation>名录</translation>
    </message>
    <message>
        <source>Find people by name, title or organization (pinyin works: pjx)</source>
        <translation>按姓名、职务或单位查找人员（支持拼音，如 pjx）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Find organizations (pinyin works: szgh finds 市总工会)</source>
        <translation>查找单位（支持拼音：szgh 可找到市总工会）</translation>
    </message>
    <message>
        <source>&amp;New Person…</source>
        <translation>新建人员(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Import Roster…</source>
        <translation>导入名单(&amp;I)…</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <source>Find sites by name or address</source>
        <translation>按名称或地址查找地点</translation>
    </message>
    <message>
        <source>&amp;New Site…</source>
        <translation>新建地点(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;New Organization…</source>
        <translation>新建单位(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Organizations</source>
        <translation>单位(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation>地点(&amp;S)</translation>
    </message>
    <message>
        <source>Delete %1 from the directory?</source>
        <translation>从名录中删除%1？</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Select the two duplicates to merge (Ctrl+click), then choose Merge.</source>
        <translation>请选中两条重复记录（Ctrl+单击），再选择“合并”。</translation>
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
        <source>Something went wrong that FieldVisit did not expect; the last action was not completed.</source>
        <translation>发生了 FieldVisit 未预料到的错误；上一步操作没有完成。</translation>
    </message>
    <message>
        <source>Not everything is saved: %1 is not saved yet and stays on screen.</source>
        <translation>并非所有内容都已保存：%1尚未保存，仍留在屏幕上。</translation>
    </message>
    <message>
        <source>Everything you did before it is saved.</source>
        <translation>此前的所有操作都已保存。</translation>
    </message>
    <message>
        <source>Kept: everything saved before; %1 stays on screen, not saved yet.</source>
        <translation>已保留：之前保存的全部内容；%1仍在屏幕上，尚未保存。</translation>
    </message>
    <message>
        <source>Kept: everything saved before.</source>
        <translation>已保留：之前保存的全部内容。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation>数据库是只读的</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>creation time</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>time of the last change</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>start of the day</source>
        <translation>每日开始时间</translation>
    </message>
    <message>
        <source>end of the day</source>
        <translation>每日结束时间</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>research methods</source>
        <translation>调研方式</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>position</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>day</source>
        <translation>第几天</translation>
    </message>
    <message>
        <source>time on site</source>
        <translation>停留时间</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>约定到达时间</translation>
    </message>
    <message>
        <source>delay</source>
        <translation>延误</translation>
    </message>
    <message>
        <source>activities</source>
        <translation>活动安排</translation>
    </message>
    <message>
        <source>travel mode</source>
        <translation>交通方式</translation>
    </message>
    <message>
        <source>travel time</source>
        <translation>行程时间</translation>
    </message>
    <message>
        <source>travel notes</source>
        <translation>行程备注</translation>
    </message>
    <message>
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>interviewees</source>
        <translation>访谈对象</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>themes</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <source>qualifier</source>
        <translation>修饰</translation>
    </message>
    <message>
        <source>action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>responsible organization</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>time taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <source>detour factor</source>
        <translation>绕行系数</translation>
    </message>
    <message>
        <source>walking speed</source>
        <translation>步行速度</translation>
    </message>
    <message>
        <source>car speed</source>
        <translation>小汽车速度</translation>
    </message>
    <message>
        <source>minibus speed</source>
        <translation>中巴车速度</translation>
    </message>
    <message>
        <source>public transport speed</source>
        <translation>公共交通速度</translation>
    </message>
</context>
<context>
    <name>FigureCandidates</name>
    <message>
        <source>Figures found in the text: double-click or press Enter to record one as a key figure</source>
        <translation>文中找到的数据：双击或按回车记为关键数据</translation>
    </message>
    <message>
        <source>Figures found in the text</source>
        <translation>正文中识别出的数据</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>&amp;Delete Figure</source>
        <translation>删除数据(&amp;D)</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Double-click, F2 or type to change a figure; Enter saves</source>
        <translation>双击、按 F2 或直接输入即可修改数据；按回车保存</translation>
    </message>
    <message>
        <source>Edit the figure “%1”</source>
        <translation>修改数据“%1”</translation>
    </message>
    <message>
        <source>Delete the figure “%1”</source>
        <translation>删除数据“%1”</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>New Follow-up</source>
        <translation>新建后续事项</translation>
    </message>
    <message>
        <source>(not decided)</source>
        <translation>（待定）</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>截止于</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>事项(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Responsible:</source>
        <translation>责任单位(&amp;R)：</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>期限：</translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <source>(not decided)</source>
        <translation>（待定）</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>Delete: no due date</source>
        <translation>按 Delete 键清除期限</translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation>标记为已完成(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Clear Due Date</source>
        <translation>清除期限(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete Follow-up</source>
        <translation>删除后续事项(&amp;D)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>Double-click, F2 or type to change a follow-up; Enter saves</source>
        <translation>双击、按 F2 或直接输入即可修改后续事项；按回车保存</translation>
    </message>
    <message>
        <source>Overdue: due %1</source>
        <translation>已逾期：期限为%1</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <source>Mark the follow-up “%1” done</source>
        <translation>将后续事项“%1”标记为已完成</translation>
    </message>
    <message>
        <source>Reopen the follow-up “%1”</source>
        <translation>重新打开后续事项“%1”</translation>
    </message>
    <message>
        <source>Edit the follow-up “%1”</source>
        <translation>修改后续事项“%1”</translation>
    </message>
    <message>
        <source>Delete the follow-up “%1”</source>
        <translation>删除后续事项“%1”</translation>
    </message>
</context>
<context>
    <name>ItineraryCommands</name>
    <message>
        <source>Add stop %1</source>
        <translation>添加站点%1</translation>
    </message>
    <message>
        <source>Remove stop %1</source>
        <translation>移除站点%1</translation>
    </message>
    <message>
        <source>Apply the suggested route</source>
        <translation>采用建议路线</translation>
    </message>
    <message>
        <source>Move %1 to another day</source>
        <translation>将%1移到另一天</translation>
    </message>
    <message>
        <source>Change the stay at %1</source>
        <translation>修改%1的停留时间</translation>
    </message>
    <message>
        <source>Set the appointment at %1</source>
        <translation>设置%1的约定到达时间</translation>
    </message>
    <message>
        <source>Report a delay at %1</source>
        <translation>记录%1的延误</translation>
    </message>
    <message>
        <source>Change how to travel from %1</source>
        <translation>修改从%1出发的交通方式</translation>
    </message>
    <message>
        <source>Set the travel time from %1</source>
        <translation>设置从%1出发的行程时间</translation>
    </message>
    <message>
        <source>Edit the activities at %1</source>
        <translation>编辑%1的活动安排</translation>
    </message>
    <message>
        <source>Pin %1</source>
        <translation>固定%1的位置</translation>
    </message>
    <message>
        <source>Unpin %1</source>
        <translation>取消固定%1</translation>
    </message>
</context>
<context>
    <name>ItineraryTab</name>
    <message>
        <source>Day ends at</source>
        <translation>当天结束于</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>&amp;Remove Stop</source>
        <translation>移除站点(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add Stop…</source>
        <translation>添加站点(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>固定(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Suggest Route…</source>
        <translation>建议路线(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Travel Estimates…</source>
        <translation>行程估算(&amp;T)…</translation>
    </message>
    <message>
        <source>Export &amp;Calendar…</source>
        <translation>导出日历(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;Timeline…</source>
        <translation>导出时间表(&amp;T)…</translation>
    </message>
    <message>
        <source>Travel %1 · Conflicts: %2</source>
        <translation>行程 %1 · 冲突：%2</translation>
    </message>
    <message>
        <source>Day starts at</source>
        <translation>当天开始于</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>调研站点</translation>
    </message>
    <message>
        <source>Details of the selected stop</source>
        <translation>所选站点详情</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <source>Planned times are illustrative.</source>
        <translation>计划时间为示意。</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>不开放</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>上移%1</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>下移%1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动%1</translation>
    </message>
    <message>
        <source>Change the day&apos;s hours</source>
        <translation>修改当天时间</translation>
    </message>
    <message>
        <source>Change the travel estimates</source>
        <translation>修改行程估算</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>导出时间表</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Export Calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
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
        <translation>确数</translation>
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
    <name>LiveUpdates</name>
    <message>
        <source>Cannot see colleagues&apos; changes: %1</source>
        <translation>看不到同事的修改：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>FieldVisit cannot open the database:

%1</source>
        <translation>FieldVisit 无法打开数据库：

%1</translation>
    </message>
    <message>
        <source>&amp;Delete Visit…</source>
        <translation>删除调研(&amp;D)…</translation>
    </message>
    <message>
        <source>Database: %1 (read-only: it can be read, nothing can be saved)</source>
        <translation>数据库：%1（只读：可以查看，无法保存任何内容）</translation>
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
        <source>Quit FieldVisit</source>
        <translation>退出 FieldVisit</translation>
    </message>
    <message>
        <source>What you typed (%1) could not be saved, so it is not saved yet. Quit anyway and lose what was typed since the last save?</source>
        <translation>您输入的内容（%1）无法保存，目前尚未保存。仍要退出并丢失上次保存后输入的内容吗？</translation>
    </message>
    <message>
        <source>the note you are writing</source>
        <translation>正在写的记录</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge Duplicates</source>
        <translation>合并重复记录</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Keep which one? Every visit, note and contact of the other moves to it, its empty fields are filled from the other, and the other is deleted. A merge cannot be undone.</source>
        <translation>保留哪一条？另一条的调研、记录和联系人都将转到保留的记录上，保留记录中的空白字段用另一条补齐，另一条随后删除。合并后无法撤销。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>day must be 1 or later</source>
        <translation>第几天须不小于 1</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}：{problem}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>expected an object, got {kind}</source>
        <translation>应为对象，实为{kind}</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <source>missing required field</source>
        <translation>缺少必填字段</translation>
    </message>
    <message>
        <source>must not be null</source>
        <translation>不能为 null</translation>
    </message>
    <message>
        <source>expected a list, got {kind}</source>
        <translation>应为列表，实为{kind}</translation>
    </message>
    <message>
        <source>{value!r} is not one of: {allowed}</source>
        <translation>{value!r} 不是可选值之一：{allowed}</translation>
    </message>
    <message>
        <source>timestamp needs a time zone, e.g. 2023-05-01T08:00:00Z</source>
        <translation>时间戳须带时区，如 2023-05-01T08:00:00Z</translation>
    </message>
    <message>
        <source>planned times are local wall-clock times without a zone</source>
        <translation>计划时间为当地时间，不带时区</translation>
    </message>
    <message>
        <source>{value!r} is not a date like 2023-05-01</source>
        <translation>{value!r} 不是日期，应如 2023-05-01</translation>
    </message>
    <message>
        <source>{value!r} is not a time of day like 09:30</source>
        <translation>{value!r} 不是时刻，应如 09:30</translation>
    </message>
    <message>
        <source>{value!r} is not a UUID</source>
        <translation>{value!r} 不是 UUID</translation>
    </message>
    <message>
        <source>expected a whole number, got {kind}</source>
        <translation>应为整数，实为{kind}</translation>
    </message>
    <message>
        <source>expected a number, got {kind}</source>
        <translation>应为数字，实为{kind}</translation>
    </message>
    <message>
        <source>{value!r} is not a date and time like 2023-05-01T09:30</source>
        <translation>{value!r} 不是日期时间，应如 2023-05-01T09:30</translation>
    </message>
    <message>
        <source>expected {expected}, got {kind}</source>
        <translation>应为{expected}，实为{kind}</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>{field} must not be empty</source>
        <translation>{field}不能为空</translation>
    </message>
    <message>
        <source>end date {end} is before start date {start}</source>
        <translation>结束日期 {end} 早于开始日期 {start}</translation>
    </message>
    <message>
        <source>day end {end} must be later than day start {start}</source>
        <translation>每日结束时间 {end} 必须晚于开始时间 {start}</translation>
    </message>
    <message>
        <source>unknown time zone {name!r}</source>
        <translation>未知时区 {name!r}</translation>
    </message>
    <message>
        <source>give both latitude and longitude, or neither</source>
        <translation>请同时填写纬度和经度，或两者均不填写</translation>
    </message>
    <message>
        <source>latitude {latitude} is outside -90..90</source>
        <translation>纬度 {latitude} 超出 -90 至 90 的范围</translation>
    </message>
    <message>
        <source>longitude {longitude} is outside -180..180</source>
        <translation>经度 {longitude} 超出 -180 至 180 的范围</translation>
    </message>
    <message>
        <source>opening hours need 7 entries (Monday to Sunday), got {count}</source>
        <translation>开放时间须有 7 项（周一至周日），实有 {count} 项</translation>
    </message>
    <message>
        <source>opening hours {span!r} are not like 09:00-18:00</source>
        <translation>开放时间 {span!r} 格式有误，应如 09:00-18:00</translation>
    </message>
    <message>
        <source>opening hours {span!r} end before they start</source>
        <translation>开放时间 {span!r} 的结束时间早于开始时间</translation>
    </message>
    <message>
        <source>{field} must not be negative</source>
        <translation>{field}不能为负数</translation>
    </message>
    <message>
        <source>file name {name!r} must be a relative path inside the visit</source>
        <translation>文件名 {name!r} 须为本次调研内的相对路径</translation>
    </message>
    <message>
        <source>a visit cannot go from {current} to {new} directly; next is {next}</source>
        <translation>调研状态不能从“{current}”直接改为“{new}”，下一步应为“{next}”</translation>
    </message>
    <message>
        <source>{field} must be greater than 0</source>
        <translation>{field}须大于 0</translation>
    </message>
    <message>
        <source>{url!r} is not a database URL</source>
        <translation>{url!r} 不是数据库 URL</translation>
    </message>
    <message>
        <source>cannot use database {url!r}: {error}</source>
        <translation>无法使用数据库 {url!r}：{error}</translation>
    </message>
    <message>
        <source>cannot open database: {kind}: {error}</source>
        <translation>无法打开数据库：{kind}：{error}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <source>the folder {path} does not exist</source>
        <translation>文件夹 {path} 不存在</translation>
    </message>
    <message>
        <source>{path} is not a FieldVisit database (it is not an SQLite file); it was left untouched</source>
        <translation>{path} 不是 FieldVisit 数据库（不是 SQLite 文件）；未作任何改动</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read ({error}); it was left untouched</source>
        <translation>{path} 已损坏，无法读取（{error}）；未作任何改动</translation>
    </message>
    <message>
        <source>{path} is damaged ({check}); it was left untouched</source>
        <translation>{path} 已损坏（{check}）；未作任何改动</translation>
    </message>
    <message>
        <source>{path} is an SQLite database of another application, not FieldVisit; it was left untouched</source>
        <translation>{path} 是其他应用程序的 SQLite 数据库，不是 FieldVisit 数据库；未作任何改动</translation>
    </message>
    <message>
        <source>{where} was written by a newer version of FieldVisit (schema {revision}); update FieldVisit to open it. It was left untouched</source>
        <translation>{where} 由更新版本的 FieldVisit 写入（数据结构版本 {revision}），请升级 FieldVisit 后再打开；未作任何改动</translation>
    </message>
    <message>
        <source>the database already holds tables of another application; use an empty one</source>
        <translation>该数据库已有其他应用程序的数据表，请使用空数据库</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>upgrading the database would break {count} references (first in table {table}); it was left as it was</source>
        <translation>升级数据库将破坏 {count} 处引用（第一处在表 {table} 中），数据库保持原样</translation>
    </message>
    <message>
        <source>upgrading the database would break {count} reference (in table {table}); it was left as it was</source>
        <translation>升级数据库将破坏 {count} 处引用（在表 {table} 中），数据库保持原样</translation>
    </message>
    <message>
        <source>only a SQLite database file can be copied to a folder</source>
        <translation>只有 SQLite 数据库文件可以复制到文件夹</translation>
    </message>
    <message>
        <source>{path} already exists</source>
        <translation>{path} 已存在</translation>
    </message>
    <message>
        <source>organization</source>
        <extracomment>A value a field is compared with: equal to it (a tuple is a list field&apos;s whole value). A filter&apos;s value: a list, set or frozenset means &quot;one of these&quot; (SQL IN).</extracomment>
        <translation>单位</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>调研</translation>
    </message>
    <message>
        <source>delegation member</source>
        <translation>调研组成员</translation>
    </message>
    <message>
        <source>participating organization</source>
        <translation>参加单位</translation>
    </message>
    <message>
        <source>absence</source>
        <translation>缺席记录</translation>
    </message>
    <message>
        <source>site</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>note</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>key figure</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>report text</source>
        <translation>报告文稿</translation>
    </message>
    <message>
        <source>no {noun} with id {id}</source>
        <translation>没有 ID 为 {id} 的{noun}</translation>
    </message>
    <message>
        <source>this {noun} was changed by {who} since you opened it; nothing was overwritten</source>
        <translation>此{noun}在您打开后已被 {who} 修改；未覆盖任何内容</translation>
    </message>
    <message>
        <source>this {noun} was changed elsewhere since you opened it; nothing was overwritten</source>
        <translation>此{noun}在您打开后已在别处修改；未覆盖任何内容</translation>
    </message>
    <message>
        <source>no conflict with id {id}</source>
        <translation>没有 ID 为 {id} 的冲突</translation>
    </message>
    <message>
        <source>cannot use the font {path}: {error} (the report needs a TrueType font: .ttf or .ttc)</source>
        <translation>无法使用字体 {path}：{error}（报告需使用 TrueType 字体：.ttf 或 .ttc）</translation>
    </message>
    <message>
        <source>set the visit&apos;s start date first: calendar events need a date</source>
        <translation>请先设置调研开始日期：日历事件需要日期</translation>
    </message>
    <message>
        <source>{name} is already in this delegation</source>
        <translation>{name}已在本调研组中</translation>
    </message>
    <message>
        <source>the new order must list every member of the delegation once</source>
        <translation>新顺序须将调研组每位成员各列一次</translation>
    </message>
    <message>
        <source>{name} already takes part in this visit</source>
        <translation>{name}已参加本次调研</translation>
    </message>
    <message>
        <source>that organization does not take part in this visit</source>
        <translation>该单位未参加本次调研</translation>
    </message>
    <message>
        <source>the stop and the member belong to different visits</source>
        <translation>该站点与该成员不属于同一次调研</translation>
    </message>
    <message>
        <source>{count} person</source>
        <translation>{count} 名人员</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} 名人员</translation>
    </message>
    <message>
        <source>{count} site</source>
        <translation>{count} 个地点</translation>
    </message>
    <message>
        <source>{count} sites</source>
        <translation>{count} 个地点</translation>
    </message>
    <message>
        <source>{count} follow-up</source>
        <translation>{count} 项后续事项</translation>
    </message>
    <message>
        <source>{count} follow-ups</source>
        <translation>{count} 项后续事项</translation>
    </message>
    <message>
        <source>{count} visit</source>
        <translation>{count} 次调研</translation>
    </message>
    <message>
        <source>{count} visits</source>
        <translation>{count} 次调研</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: it is still used by {in_use}</source>
        <translation>{name}不能删除：仍有{in_use}与其关联</translation>
    </message>
    <message>
        <source>{name} cannot be deleted while in the delegation of: {titles}</source>
        <translation>{name}仍在以下调研的调研组中，不能删除：{titles}</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: they wrote notes</source>
        <translation>{name}不能删除：此人写有记录</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: they are the contact person of an organization in a visit</source>
        <translation>{name}不能删除：此人是某次调研中一个单位的联系人</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: visits stop there</source>
        <translation>{name}不能删除：有调研在此设有站点</translation>
    </message>
    <message>
        <source>stop {position} has {notes} notes and {figures} figures; move or delete them first</source>
        <translation>第 {position} 个站点有 {notes} 条记录和 {figures} 项关键数据，请先移走或删除</translation>
    </message>
    <message>
        <source>the new order must list every stop of the visit once</source>
        <translation>新顺序须将本次调研每个站点各列一次</translation>
    </message>
    <message>
        <source>choose two different records to merge</source>
        <translation>请选择两条不同的记录进行合并</translation>
    </message>
    <message>
        <source>“{file}” cannot be imported: {problem}; nothing was changed</source>
        <translation>“{file}”无法导入：{problem}；未作任何改动</translation>
    </message>
    <message>
        <source>“{file}” cannot be imported: {problem}</source>
        <translation>“{file}”无法导入：{problem}</translation>
    </message>
    <message>
        <source>{file} does not fit this database at {error}</source>
        <translation>{file} 与本数据库不符，位置：{error}</translation>
    </message>
    <message>
        <source>the file does not exist or is not a file</source>
        <translation>文件不存在或不是文件</translation>
    </message>
    <message>
        <source>it is not a FieldVisit package (not a zip file, or truncated)</source>
        <translation>不是 FieldVisit 调研包（不是 zip 文件，或文件不完整）</translation>
    </message>
    <message>
        <source>its contents do not match its manifest</source>
        <translation>内容与清单不符</translation>
    </message>
    <message>
        <source>{file} is invalid at {error}</source>
        <translation>{file} 无效，位置：{error}</translation>
    </message>
    <message>
        <source>the manifest and the visit document name different visits</source>
        <translation>清单与调研文件所指的调研不一致</translation>
    </message>
    <message>
        <source>the zip file is damaged or unsupported ({error})</source>
        <translation>zip 文件已损坏或不受支持（{error}）</translation>
    </message>
    <message>
        <source>it holds more than {limit} files</source>
        <translation>其中文件超过 {limit} 个</translation>
    </message>
    <message>
        <source>the member {name} is encrypted</source>
        <translation>包内文件 {name} 已加密</translation>
    </message>
    <message>
        <source>the member {name} would unpack to {size} bytes, more than the limit of {limit} (a zip bomb?)</source>
        <translation>包内文件 {name} 解压后将达 {size} 字节，超过 {limit} 字节的上限（疑为 zip 炸弹）</translation>
    </message>
    <message>
        <source>the member {name} is compressed more than {ratio}:1 (a zip bomb?)</source>
        <translation>包内文件 {name} 的压缩比超过 {ratio}:1（疑为 zip 炸弹）</translation>
    </message>
    <message>
        <source>it would unpack to {size} bytes, more than the limit of {limit} (a zip bomb?)</source>
        <translation>解压后将达 {size} 字节，超过 {limit} 字节的上限（疑为 zip 炸弹）</translation>
    </message>
    <message>
        <source>it has no {file}: not a FieldVisit package</source>
        <translation>其中没有 {file}：不是 FieldVisit 调研包</translation>
    </message>
    <message>
        <source>{member} is larger than {limit} bytes</source>
        <translation>{member} 超过 {limit} 字节</translation>
    </message>
    <message>
        <source>its photo files cannot be unpacked for checking ({error})</source>
        <translation>无法解压其照片文件以进行检查（{error}）</translation>
    </message>
    <message>
        <source>the member {name} unpacks to more than its declared size (a zip bomb?)</source>
        <translation>包内文件 {name} 解压后超过其声明的大小（疑为 zip 炸弹）</translation>
    </message>
    <message>
        <source>the member {name} is truncated</source>
        <translation>包内文件 {name} 不完整</translation>
    </message>
    <message>
        <source>it is not a FieldVisit package (unknown manifest)</source>
        <translation>不是 FieldVisit 调研包（清单无法识别）</translation>
    </message>
    <message>
        <source>unknown package format version {version!r}</source>
        <translation>未知的调研包格式版本 {version!r}</translation>
    </message>
    <message>
        <source>it was written by a newer FieldVisit (package format {version}, this one reads {supported}); update FieldVisit to import it</source>
        <translation>该调研包由更新版本的 FieldVisit 生成（调研包格式 {version}，本版可读取 {supported}），请升级 FieldVisit 后再导入</translation>
    </message>
    <message>
        <source>{file} is incomplete (files, visit_id)</source>
        <translation>{file} 不完整（files、visit_id）</translation>
    </message>
    <message>
        <source>{file} has an invalid history</source>
        <translation>{file} 中的交换历史无效</translation>
    </message>
    <message>
        <source>the member name {name} would be written outside the package&apos;s folder or is not allowed</source>
        <translation>包内文件名 {name} 会写到调研包文件夹之外，或不被允许</translation>
    </message>
    <message>
        <source>the member name {name} has a part longer than {limit} bytes</source>
        <translation>包内文件名 {name} 中有一段超过 {limit} 字节</translation>
    </message>
    <message>
        <source>the member name {name} is longer than {limit} bytes</source>
        <translation>包内文件名 {name} 超过 {limit} 字节</translation>
    </message>
    <message>
        <source>the member {name} appears twice</source>
        <translation>包内文件 {name} 出现了两次</translation>
    </message>
    <message>
        <source>the members {name} and {other} differ only in case or Unicode form: they would be the same file</source>
        <translation>包内文件 {name} 与 {other} 仅大小写或 Unicode 形式不同：二者会成为同一个文件</translation>
    </message>
    <message>
        <source>the member {name} would be both a file and a folder ({other})</source>
        <translation>包内文件 {name} 会同时是文件和文件夹（{other}）</translation>
    </message>
    <message>
        <source>{member} belongs to no photo of the visit (a photo&apos;s files are photos/{visit}/&lt;photo id&gt;.jpg, .jpeg or .png and &lt;photo id&gt;-display.jpg)</source>
        <translation>{member} 不属于本次调研的任何照片（照片的文件应为 photos/{visit}/&lt;照片 id&gt;.jpg、.jpeg 或 .png，以及 &lt;照片 id&gt;-display.jpg）</translation>
    </message>
    <message>
        <source>{member} is not a JPEG or PNG image</source>
        <translation>{member} 不是 JPEG 或 PNG 图片</translation>
    </message>
    <message>
        <source>{member} is not a JPEG or PNG image ({error})</source>
        <translation>{member} 不是 JPEG 或 PNG 图片（{error}）</translation>
    </message>
    <message>
        <source>{member} is not a JPEG or PNG image (it is {kind})</source>
        <translation>{member} 不是 JPEG 或 PNG 图片（而是 {kind}）</translation>
    </message>
    <message>
        <source>{member} is not a {expected} image, as its name says (it is {kind})</source>
        <translation>{member} 不是其文件名所示的 {expected} 图片（实为 {kind}）</translation>
    </message>
    <message>
        <source>{member} is too large ({width} × {height} pixels)</source>
        <translation>{member} 过大（{width} × {height} 像素）</translation>
    </message>
    <message>
        <source>this conflict is already resolved</source>
        <translation>该冲突已解决</translation>
    </message>
    <message>
        <source>say which version to keep: mine or theirs</source>
        <translation>请选择保留哪个版本：我的还是对方的</translation>
    </message>
    <message>
        <source>say whether to keep the record or delete it</source>
        <translation>请选择保留还是删除这条记录</translation>
    </message>
    <message>
        <source>it belongs to a {noun} that is deleted here; keep that first</source>
        <translation>它所属的{noun}在本机已删除，请先保留该{noun}</translation>
    </message>
    <message>
        <source>“{file}” cannot be read</source>
        <translation>无法读取“{file}”</translation>
    </message>
    <message>
        <source>“{file}” is not a JPEG or PNG image</source>
        <translation>“{file}”不是 JPEG 或 PNG 图片</translation>
    </message>
    <message>
        <source>“{file}” is damaged or incomplete</source>
        <translation>“{file}”已损坏或不完整</translation>
    </message>
    <message>
        <source>“{file}” is too large (more than {limit} megapixels or {bytes} MB)</source>
        <translation>“{file}”过大（超过 {limit} 百万像素或 {bytes} MB）</translation>
    </message>
    <message>
        <source>{problem}: {detail}</source>
        <translation>{problem}：{detail}</translation>
    </message>
    <message>
        <source>cannot store the photo “{file}”: {error}</source>
        <translation>无法保存照片“{file}”：{error}</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>{field} cannot be changed here</source>
        <translation>此处不能修改{field}</translation>
    </message>
    <message>
        <source>report language must be zh or en, not {language!r}</source>
        <translation>报告语言须为 zh 或 en，不能为 {language!r}</translation>
    </message>
    <message>
        <source>paper must be a4 or letter, not {paper!r}</source>
        <translation>纸张须为 a4 或 letter，不能为 {paper!r}</translation>
    </message>
    <message>
        <source>report layout must be modern or official, not {layout!r}</source>
        <translation>报告版式应为 modern 或 official，不能是 {layout!r}</translation>
    </message>
    <message>
        <source>unknown report sections: {unknown}; known: {known}</source>
        <translation>未知的报告部分：{unknown}；可用的有：{known}</translation>
    </message>
    <message>
        <source>an Excel workbook or another zip archive</source>
        <translation>Excel 工作簿或其他 zip 压缩包</translation>
    </message>
    <message>
        <source>an Office 97-2003 document</source>
        <translation>Office 97-2003 文档</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}</source>
        <translation>无法读取 {name}：{error}</translation>
    </message>
    <message>
        <source>{name} is too large; a roster file can have at most {limit} MB</source>
        <translation>{name} 过大；名单文件最大为 {limit} MB</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name} 为空</translation>
    </message>
    <message>
        <source>sheet &apos;{sheet}&apos; not found in {name}; the file has: {sheets}</source>
        <translation>{name} 中没有工作表“{sheet}”；该文件包含：{sheets}</translation>
    </message>
    <message>
        <source>{name} is an Excel 97-2003 workbook or is password-protected; save it as an Excel workbook (.xlsx) without a password, or as CSV, and import that</source>
        <translation>{name} 是 Excel 97-2003 工作簿或设有密码；请另存为不设密码的 Excel 工作簿（.xlsx）或 CSV 文件后再导入</translation>
    </message>
    <message>
        <source>{name} is damaged: it is not an Excel (.xlsx) workbook</source>
        <translation>{name} 已损坏：不是 Excel（.xlsx）工作簿</translation>
    </message>
    <message>
        <source>{name} is not a CSV or Excel (.xlsx) file</source>
        <translation>{name} 不是 CSV 或 Excel（.xlsx）文件</translation>
    </message>
    <message>
        <source>{name} is not a CSV file: it is {what}</source>
        <translation>{name} 不是 CSV 文件，而是{what}</translation>
    </message>
    <message>
        <source>{name} is in UTF-16; save it as “CSV UTF-8” and import that</source>
        <translation>{name} 为 UTF-16 编码；请另存为“CSV UTF-8”格式后再导入</translation>
    </message>
    <message>
        <source>{name} is not a CSV file: it contains binary data</source>
        <translation>{name} 不是 CSV 文件：其中含有二进制数据</translation>
    </message>
    <message>
        <source>{name} is neither UTF-8 nor GB18030 text; save it as “CSV UTF-8” and import that</source>
        <translation>{name} 既不是 UTF-8 文本，也不是 GB18030 文本；请另存为“CSV UTF-8”格式后再导入</translation>
    </message>
    <message>
        <source>{name} is damaged near line {line}: {error}</source>
        <translation>{name} 在第 {line} 行附近损坏：{error}</translation>
    </message>
    <message>
        <source>{name} is damaged: {error}</source>
        <translation>{name} 已损坏：{error}</translation>
    </message>
    <message>
        <source>{name} has no worksheets</source>
        <translation>{name} 中没有工作表</translation>
    </message>
    <message>
        <source>sheet &apos;{sheet}&apos; not found in {name}; the workbook has: {sheets}</source>
        <translation>{name} 中没有工作表“{sheet}”；该工作簿包含：{sheets}</translation>
    </message>
    <message>
        <source>sheet &apos;{sheet}&apos; of {name}</source>
        <translation>{name} 的工作表“{sheet}”</translation>
    </message>
    <message>
        <source>row {row} of {where} has {count} columns; a roster can have at most {limit}</source>
        <translation>{where}第 {row} 行有 {count} 列，名单最多只能有 {limit} 列</translation>
    </message>
    <message>
        <source>{where} has more than {limit} rows; split it into smaller files</source>
        <translation>{where} 超过 {limit} 行，请拆分为较小的文件</translation>
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
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>the directory changed since the preview was made; preview the import again</source>
        <translation>预览后通讯录已有变动，请重新预览导入</translation>
    </message>
    <message>
        <source>{field!r} is not a roster field; the fields are: {fields}</source>
        <translation>{field!r} 不是名单字段；可用字段为：{fields}</translation>
    </message>
    <message>
        <source>map a column to Name</source>
        <translation>请指定“姓名”所在的列</translation>
    </message>
    <message>
        <source>{field} is mapped to column {column!r}, but the table has columns 0 to {last}</source>
        <translation>{field}对应第 {column!r} 列，但表格只有第 0 至 {last} 列</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; is mapped to both {first} and {second}</source>
        <translation>列“{column}”同时对应了“{first}”和“{second}”</translation>
    </message>
    <message>
        <source>same person as row {row}</source>
        <translation>与第 {row} 行为同一人</translation>
    </message>
    <message>
        <source>organization &apos;{text}&apos; could be any of {count} organizations ({names}); use the full name</source>
        <translation>单位“{text}”可能指 {count} 个单位中的任一个（{names}），请使用全称</translation>
    </message>
    <message>
        <source>{count} people named {name} already exist; give the organization to choose one</source>
        <translation>已有 {count} 位名为{name}的人员，请填写单位以便区分</translation>
    </message>
    <message>
        <source>{count} people named {name} at {organization} already exist; merge them first</source>
        <translation>{organization}已有 {count} 位名为{name}的人员，请先合并</translation>
    </message>
    <message>
        <source>{count} people named {name} without an organization already exist; merge them first</source>
        <translation>已有 {count} 位名为{name}且未填单位的人员，请先合并</translation>
    </message>
    <message>
        <source>name is missing</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <source>{field} is too long ({length} characters; at most {limit})</source>
        <translation>{field}过长（{length} 个字符，最多 {limit} 个）</translation>
    </message>
    <message>
        <source>{field} contains markup ({markup!r}); use plain text</source>
        <translation>{field}含有标记（{markup!r}），请使用纯文本</translation>
    </message>
    <message>
        <source>{field} {text!r} looks like a spreadsheet formula</source>
        <translation>{field} {text!r} 像是电子表格公式</translation>
    </message>
    <message>
        <source>phone {phone!r} was shortened by Excel; format the column as text and save the file again</source>
        <translation>电话 {phone!r} 已被 Excel 简写，请将该列设为文本格式后重新保存文件</translation>
    </message>
    <message>
        <source>{phone!r} is not a phone number</source>
        <translation>{phone!r} 不是有效的电话号码</translation>
    </message>
    <message>
        <source>{email!r} is not an email address</source>
        <translation>{email!r} 不是有效的邮箱地址</translation>
    </message>
    <message>
        <source>the itinerary changed since the suggestion was made; ask for a new suggestion</source>
        <translation>提出建议后行程已有变动，请重新获取建议</translation>
    </message>
    <message>
        <source>the number of results must be at least 1</source>
        <translation>结果数量至少为 1</translation>
    </message>
    <message>
        <source>the number of results to skip cannot be negative</source>
        <translation>跳过的结果数不能为负数</translation>
    </message>
    <message>
        <source>type a word or a few characters to search for</source>
        <translation>请输入要搜索的词或几个字</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text ({reason})</source>
        <translation>文件不是 UTF-8 文本（{reason}）</translation>
    </message>
    <message>
        <source>not valid JSON: {error} at line {line}, column {column}</source>
        <translation>不是有效的 JSON：{error}（第 {line} 行第 {column} 列）</translation>
    </message>
    <message>
        <source>the file is larger than {limit} bytes, the limit for a visit document</source>
        <translation>文件大于 {limit} 字节，超过了调研文件的上限</translation>
    </message>
    <message>
        <source>nested more than {depth} levels deep (line {line}, column {column})</source>
        <translation>嵌套超过 {depth} 层（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <source>{value} is not a JSON number</source>
        <translation>{value} 不是 JSON 数值</translation>
    </message>
    <message>
        <source>the number {number} has more than {digits} digits</source>
        <translation>数字 {number} 超过 {digits} 位</translation>
    </message>
    <message>
        <source>the number {number} is too large</source>
        <translation>数字 {number} 过大</translation>
    </message>
    <message>
        <source>the key appears more than once in its object</source>
        <translation>该键在同一对象中出现了不止一次</translation>
    </message>
    <message>
        <source>a key must not contain the NUL character (U+0000)</source>
        <translation>键不得包含 NUL 字符（U+0000）</translation>
    </message>
    <message>
        <source>a key contains {character}, half of a surrogate pair, which is not a character</source>
        <translation>键包含 {character}，这是代理对的一半，不是字符</translation>
    </message>
    <message>
        <source>a visit document is a JSON object</source>
        <translation>调研文件应为 JSON 对象</translation>
    </message>
    <message>
        <source>expected {expected!r}, got {format!r}: not a FieldVisit visit</source>
        <translation>应为 {expected!r}，实为 {format!r}：不是 FieldVisit 调研文件</translation>
    </message>
    <message>
        <source>missing or not a whole number</source>
        <translation>缺失或不是整数</translation>
    </message>
    <message>
        <source>format version {version} is newer than this FieldVisit reads ({supported}); update FieldVisit</source>
        <translation>格式版本 {version} 高于本版 FieldVisit 可读取的版本（{supported}），请升级 FieldVisit</translation>
    </message>
    <message>
        <source>unknown format version {version}</source>
        <translation>未知的格式版本 {version}</translation>
    </message>
    <message>
        <source>unknown section</source>
        <translation>未知部分</translation>
    </message>
    <message>
        <source>a visit has one report text: at most one entry</source>
        <translation>一次调研只有一份报告文稿：最多一项</translation>
    </message>
    <message>
        <source>must be {id}, the id of this visit&apos;s report text (derived from the visit&apos;s id)</source>
        <translation>应为 {id}，即本次调研报告文稿的 id（由调研的 id 推出）</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>应为列表</translation>
    </message>
    <message>
        <source>the id {id} is also used at {path}</source>
        <translation>ID {id} 在 {path} 处也有使用</translation>
    </message>
    <message>
        <source>must be the id of the document&apos;s visit</source>
        <translation>须为本文件所属调研的 ID</translation>
    </message>
    <message>
        <source>the id {id} belongs to a record of another visit in this database</source>
        <translation>ID {id} 属于本数据库中另一次调研的记录</translation>
    </message>
    <message>
        <source>the id {id} belongs to a record of another kind in this database</source>
        <translation>ID {id} 属于本数据库中另一类记录</translation>
    </message>
    <message>
        <source>refers to {noun} {id}, which is not in the document</source>
        <translation>引用的{noun} {id} 不在文件中</translation>
    </message>
    <message>
        <source>refers to {noun} {id}, which is neither in the document nor in the database</source>
        <translation>引用的{noun} {id} 既不在文件中，也不在数据库中</translation>
    </message>
    <message>
        <source>name a visit by its id or the beginning of its title</source>
        <translation>请用调研的 ID 或标题开头指明调研</translation>
    </message>
    <message>
        <source>no visit has the id or title {reference!r}</source>
        <translation>没有 ID 或标题为 {reference!r} 的调研</translation>
    </message>
    <message>
        <source>{reference!r} matches {count} visits: {titles}. Use more of the title or the id</source>
        <translation>{reference!r} 与 {count} 次调研相符：{titles}。请输入更完整的标题或使用 ID</translation>
    </message>
    <message>
        <source>{path} is FieldVisit&apos;s own database file; choose another file</source>
        <translation>{path} 是 FieldVisit 自己的数据库文件；请选择其他文件</translation>
    </message>
    <message>
        <source>{path} belongs to FieldVisit&apos;s open database {database}; choose another file</source>
        <translation>{path} 属于 FieldVisit 已打开的数据库 {database}；请选择其他文件</translation>
    </message>
    <message>
        <source>the database file {path} was deleted or moved by another program while FieldVisit had it open; nothing more can be saved in it</source>
        <translation>FieldVisit 打开数据库文件 {path} 期间，它被其他程序删除或移走；之后的内容都无法再保存到其中</translation>
    </message>
    <message>
        <source>the database file {path} was replaced by another program while FieldVisit had it open; nothing more can be saved in it</source>
        <translation>FieldVisit 打开数据库文件 {path} 期间，它被其他程序替换；之后的内容都无法再保存到其中</translation>
    </message>
    <message>
        <source>another program deleted {path}, the journal of the latest changes of the open database; those changes are not in the database file, and nothing more can be saved in it</source>
        <translation>其他程序删除了 {path}（已打开数据库的最近更改日志）；这些更改不在数据库文件中，之后的内容也无法再保存</translation>
    </message>
    <message>
        <source>another program replaced {path}, the journal of the latest changes of the open database; those changes are not in the database file, and nothing more can be saved in it</source>
        <translation>其他程序替换了 {path}（已打开数据库的最近更改日志）；这些更改不在数据库文件中，之后的内容也无法再保存</translation>
    </message>
    <message>
        <source>{path} is open in the FieldVisit window (process {pid}); nothing else may use it while that window is open. Use that window, or close it and try again</source>
        <translation>{path} 已在 FieldVisit 窗口（进程 {pid}）中打开；该窗口打开期间，其他程序不得使用它。请使用那个窗口，或关闭它后重试</translation>
    </message>
    <message>
        <source>{path} is in use by another FieldVisit process; try again when it has finished</source>
        <translation>{path} 正被另一个 FieldVisit 进程使用；请待其结束后重试</translation>
    </message>
    <message>
        <source>the note was changed elsewhere after it was opened; nothing was overwritten</source>
        <translation>该记录打开后已在别处被修改；没有覆盖任何内容</translation>
    </message>
    <message>
        <source>stop {id} is not a stop of this visit</source>
        <translation>站点 {id} 不属于本次调研</translation>
    </message>
    <message>
        <source>the stop belongs to another visit</source>
        <translation>该站点属于另一次调研</translation>
    </message>
    <message>
        <source>the new order must list every note of the visit once</source>
        <translation>新顺序须将本次调研每条记录各列一次</translation>
    </message>
    <message>
        <source>the records were not saved, but {count} photo files copied for them could not be removed from the photo folder: {names}</source>
        <translation>记录未保存，但为其复制的 {count} 个照片文件无法从照片文件夹中删除：{names}</translation>
    </message>
    <message>
        <source>its photo files cannot be stored in the photo folder ({error})</source>
        <translation>无法将其照片文件存入照片文件夹（{error}）</translation>
    </message>
    <message>
        <source>{problem}, and {count} photo files copied could not be removed again: {names}</source>
        <translation>{problem}，且已复制的 {count} 个照片文件无法再删除：{names}</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <source>no record or tombstone of the document has this id</source>
        <translation>文件中没有使用此 ID 的记录或删除标记</translation>
    </message>
    <message>
        <source>expected 64 lowercase hexadecimal digits (a SHA-256)</source>
        <translation>应为 64 位小写十六进制数字（SHA-256）</translation>
    </message>
    <message>
        <source>expected a whole number, 0 or more, at most {largest}</source>
        <translation>应为 0 或更大、不超过 {largest} 的整数</translation>
    </message>
    <message>
        <source>the stop cannot be deleted while notes or key figures belong to it; move or delete them first</source>
        <translation>该站点仍有记录或关键数据，不能删除；请先移走或删除它们</translation>
    </message>
    <message>
        <source>{field} must be a finite number, not {value}</source>
        <translation>{field}须为有限的数，不能是 {value}</translation>
    </message>
    <message>
        <source>{field} must be between {smallest} and {largest}</source>
        <translation>{field}须在 {smallest} 到 {largest} 之间</translation>
    </message>
    <message>
        <source>{field} must not contain the NUL character (U+0000)</source>
        <translation>{field}不能包含空字符（U+0000）</translation>
    </message>
    <message>
        <source>{field} contains {character}, half of a surrogate pair, which is not a character</source>
        <translation>{field}含有 {character}：它只是代理对的一半，不是一个字符</translation>
    </message>
    <message>
        <source>the database is busy with another writer ({detail}); nothing was saved, try again</source>
        <translation>数据库正被其他写入者占用（{detail}）；未保存任何内容，请重试</translation>
    </message>
    <message>
        <source>another writer changed the same records at the same moment; nothing was saved, try again</source>
        <translation>其他写入者同时修改了相同的记录；未保存任何内容，请重试</translation>
    </message>
    <message>
        <source>“{step}” cannot be redone: {reason}</source>
        <translation>无法重做“{step}”：{reason}</translation>
    </message>
    <message>
        <source>“{step}” cannot be undone: {reason}</source>
        <translation>无法撤销“{step}”：{reason}</translation>
    </message>
    <message>
        <source>{font} lacks {count} character(s) used in this visit: {chars}; they will be printed with {fallbacks}</source>
        <translation>{font} 缺少本次调研用到的 {count} 个字符：{chars}；这些字符将用 {fallbacks} 印出</translation>
    </message>
    <message>
        <source>{count} character(s) used in this visit are in no available font and will be printed as {placeholder}: {chars}</source>
        <translation>本次调研用到的 {count} 个字符没有可用的字体，将印为 {placeholder}：{chars}</translation>
    </message>
    <message>
        <source>the disk is full (the database {where}); nothing was saved. Free some space and try again</source>
        <translation>磁盘已满（数据库 {where}）；未保存任何内容。请释放一些空间后重试</translation>
    </message>
    <message>
        <source>the disk holding {where} is full: the database cannot be opened until some space is freed. It is not damaged and was left untouched</source>
        <translation>{where} 所在的磁盘已满：释放一些空间之前无法打开该数据库。数据库没有损坏，未作任何改动</translation>
    </message>
    <message>
        <source>the database {where} is read-only; nothing was changed</source>
        <translation>数据库 {where} 是只读的；未作任何更改</translation>
    </message>
    <message>
        <source>the database {where} is read-only and was written by an older FieldVisit: it must be upgraded, which means writing to it. Make it writable (or copy it) and open it again; it was left untouched</source>
        <translation>数据库 {where} 是只读的，且由旧版 FieldVisit 写入：必须先升级，而升级需要写入数据库。请将其设为可写（或复制一份）后重新打开；未作任何改动</translation>
    </message>
    <message>
        <source>the database {where} is read-only and holds no FieldVisit data yet; it was left untouched</source>
        <translation>数据库 {where} 是只读的，且尚无 FieldVisit 数据；未作任何改动</translation>
    </message>
    <message>
        <source>the report text has no field {field!r}; its fields are: {fields}</source>
        <translation>报告文稿没有字段 {field!r}；可用的字段：{fields}</translation>
    </message>
    <message>
        <source>{field} must be text</source>
        <translation>{field}必须是文字</translation>
    </message>
    <message>
        <source>{field} must be a date (YYYY-MM-DD), not {value!r}</source>
        <translation>{field}必须是日期（YYYY-MM-DD），不能是 {value!r}</translation>
    </message>
    <message>
        <source>the official layout&apos;s font {font} is not installed (package {package}); the bundled WenQuanYi Micro Hei is used instead</source>
        <translation>公文版式的默认字体 {font} 未安装（软件包 {package}），改用内置的文泉驿微米黑</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>e.g. 外卖送餐员</source>
        <translation>例如：外卖送餐员</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>What was seen or said… (saved as you type)</source>
        <translation>看到或听到了什么……（输入即保存）</translation>
    </message>
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
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>记录正文</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>themes, separated by commas, e.g. 需求, 权益保障</source>
        <translation>主题，用逗号分隔，例如 需求, 权益保障</translation>
    </message>
    <message>
        <source>Confidential (left out of reports)</source>
        <translation>保密（不写入报告）</translation>
    </message>
    <message>
        <source>S&amp;top:</source>
        <translation>站点(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Interviewees:</source>
        <translation>访谈对象(&amp;I)：</translation>
    </message>
    <message>
        <source>S&amp;peaker:</source>
        <translation>发言人(&amp;P)：</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>主题(&amp;A)：</translation>
    </message>
    <message>
        <source>Saved · last changed by %1</source>
        <translation>已保存 · 最后由 %1 修改</translation>
    </message>
    <message>
        <source>This note was changed by %1 while you were writing. Your text is still here, not saved.</source>
        <translation>您书写期间，此笔记已被 %1 修改。您的文字仍在这里，尚未保存。</translation>
    </message>
    <message>
        <source>This note was changed elsewhere (an undo, an import) while you were writing. Your text is still here, not saved.</source>
        <translation>这条记录在您书写时已在别处被修改（撤销或导入）。您的文字仍在这里，尚未保存。</translation>
    </message>
    <message>
        <source>&amp;Keep My Text</source>
        <translation>保留我的文字(&amp;K)</translation>
    </message>
    <message>
        <source>Show the &amp;Saved Note</source>
        <translation>显示已保存的记录(&amp;S)</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>正在编辑…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>新记录</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Not saved: changed by %1</source>
        <translation>未保存：已被 %1 修改</translation>
    </message>
    <message>
        <source>Not saved: changed elsewhere</source>
        <translation>未保存：已在别处修改</translation>
    </message>
</context>
<context>
    <name>NotesCommands</name>
    <message>
        <source>Add a note</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <source>Edit a note</source>
        <translation>编辑记录</translation>
    </message>
    <message>
        <source>Delete a note</source>
        <translation>删除记录</translation>
    </message>
</context>
<context>
    <name>NotesList</name>
    <message>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Filter by stop</source>
        <translation>按站点筛选</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>按类型筛选</translation>
    </message>
    <message>
        <source>Filter by interviewees</source>
        <translation>按访谈对象筛选</translation>
    </message>
    <message>
        <source>Filter by theme</source>
        <translation>按主题筛选</translation>
    </message>
    <message>
        <source>New Note (Ctrl+Shift+N)</source>
        <translation>新建记录（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Delete the highlighted note (Del in the list, Ctrl+Shift+Backspace); Edit ▸ Undo brings it back</source>
        <translation>删除选中的记录（在列表中按 Del 或 Ctrl+Shift+Backspace）；“编辑 ▸ 撤销”可以恢复</translation>
    </message>
    <message>
        <source>All stops</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All interviewees</source>
        <translation>全部访谈对象</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>全部主题</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>&amp;Follow-up from This Note…</source>
        <translation>由此记录生成后续事项(&amp;F)…</translation>
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
        <source>Themes</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>&amp;Delete Note</source>
        <translation>删除记录(&amp;D)</translation>
    </message>
    <message>
        <source>the note you are writing</source>
        <translation>正在书写的记录</translation>
    </message>
    <message>
        <source>Figures in this note — Enter records one:</source>
        <translation>本条记录中的数据——按回车记录：</translation>
    </message>
    <message>
        <source>Whole visit</source>
        <translation>全程</translation>
    </message>
    <message>
        <source>A note needs some text; delete it instead (Ctrl+Shift+Backspace)</source>
        <translation>记录不能为空；如需删除请按 Ctrl+Shift+Backspace</translation>
    </message>
    <message>
        <source>Record the figure %1</source>
        <translation>记录数据 %1</translation>
    </message>
    <message>
        <source>Add a follow-up</source>
        <translation>添加后续事项</translation>
    </message>
</context>
<context>
    <name>NotesTables</name>
    <message>
        <source>Stop</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
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
        <source>“%1” has different values at %2: %3</source>
        <translation>“%1”在%2有不同的数值：%3</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>Edit Organization</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <source>New Organization</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <source>e.g. 北京市总工会</source>
        <translation>例如：北京市总工会</translation>
    </message>
    <message>
        <source>e.g. 市总工会</source>
        <translation>例如：市总工会</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>简称(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>OrganizationsPanel</name>
    <message numerus="yes">
        <source>%1 still has %n member(s) in the delegation: %2. Withdraw the organization and remove them from the delegation?</source>
        <translation>
            <numerusform>%1 在调研组中还有 %n 名成员：%2。撤出该单位并将这些成员移出调研组吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Withdraw Organization</source>
        <translation>撤出参加单位</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit Person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>New Person</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <source>e.g. 市总工会党组书记、副主席</source>
        <translation>例如：市总工会党组书记、副主席</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Create an organization that is not listed</source>
        <translation>新建列表中没有的单位</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>单位(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>Note&amp;s:</source>
        <translation>备注(&amp;S)：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>PhotoCommands</name>
    <message numerus="yes">
        <source>Add %n photo(s)</source>
        <translation>
            <numerusform>添加 %n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n photo(s)</source>
        <translation>
            <numerusform>移除 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit a photo</source>
        <translation>编辑照片</translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <source>No caption</source>
        <translation>无说明</translation>
    </message>
</context>
<context>
    <name>PhotosPanel</name>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Drop JPEG or PNG files here to add them</source>
        <translation>将 JPEG 或 PNG 文件拖到这里即可添加</translation>
    </message>
    <message>
        <source>&amp;Add Photos…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;move Photo</source>
        <translation>移除照片(&amp;M)</translation>
    </message>
    <message>
        <source>What the photo shows</source>
        <translation>照片内容</translation>
    </message>
    <message>
        <source>e.g. 中工网 王鑫 摄</source>
        <translation>例如：中工网 王鑫 摄</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Credit:</source>
        <translation>署名：</translation>
    </message>
    <message>
        <source>Stop:</source>
        <translation>站点：</translation>
    </message>
    <message>
        <source>Taken:</source>
        <translation>拍摄时间：</translation>
    </message>
    <message>
        <source>No stop</source>
        <translation>无站点</translation>
    </message>
    <message>
        <source>Add Photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>Adding photos…</source>
        <translation>正在添加照片…</translation>
    </message>
    <message>
        <source>These files were not added:
%1</source>
        <translation>以下文件未添加：
%1</translation>
    </message>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>无法读取“%1”。</translation>
    </message>
    <message>
        <source>“%1” is not a JPEG or PNG image.</source>
        <translation>“%1”不是 JPEG 或 PNG 图片。</translation>
    </message>
    <message>
        <source>“%1” is damaged or incomplete.</source>
        <translation>“%1”已损坏或不完整。</translation>
    </message>
    <message>
        <source>“%1” is too large (more than %2 megapixels or %3 MB).</source>
        <translation>“%1”过大（超过 %2 百万像素或 %3 MB）。</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Copy the current database and its photos to %1? FieldVisit opens the database in the new folder the next time it starts; without a copy it starts there with an empty one.</source>
        <translation>是否把当前数据库及其照片复制到 %1？FieldVisit 下次启动时将打开新文件夹中的数据库；如不复制，将从空数据库开始。</translation>
    </message>
    <message>
        <source>The data folder is now %1; it is used from the next start.</source>
        <translation>数据文件夹已改为 %1，下次启动时生效。</translation>
    </message>
    <message>
        <source>The language changes the next time FieldVisit starts.</source>
        <translation>界面语言将在 FieldVisit 下次启动时更改。</translation>
    </message>
    <message>
        <source>&amp;Restart Now</source>
        <translation>立即重启(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Travel</source>
        <translation>出行(&amp;T)</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>默认(&amp;D)</translation>
    </message>
    <message>
        <source>The language and your name change the next time FieldVisit starts. Your name, with this computer&apos;s, is stamped on every record you change, so that others sharing the database see who changed it. The data folder holds the database file and the photos; FieldVisit opens the database there the next time it starts, and can copy the current one there first.</source>
        <translation>界面语言和您的姓名将在下次启动时更改。您修改的每条记录都会标上您的姓名和本机名称，共用数据库的其他人可以看到是谁修改的。数据文件夹存放数据库文件和照片；FieldVisit 下次启动时打开该文件夹中的数据库，并可先把当前数据库复制过去。</translation>
    </message>
    <message>
        <source>Data &amp;folder:</source>
        <translation>数据文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（美式信纸）</translation>
    </message>
    <message>
        <source>Default paper size</source>
        <translation>默认纸张大小</translation>
    </message>
    <message>
        <source>Default report font</source>
        <translation>报告默认字体</translation>
    </message>
    <message>
        <source>New reports start with this paper size and font; the Report tab can change them for one report.</source>
        <translation>新报告默认使用此纸张大小和字体；可在“报告”页为单份报告另行更改。</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>字体(&amp;F)：</translation>
    </message>
    <message>
        <source>New visits start with these estimates; each visit can change its own on the Itinerary tab.</source>
        <translation>新建调研默认使用这些估算参数；每次调研可在“行程”页单独修改。</translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation>数据文件夹</translation>
    </message>
</context>
<context>
    <name>RecordsPanel</name>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
</context>
<context>
    <name>ReportFontCombo</name>
    <message>
        <source>Bundled (WenQuanYi Micro Hei)</source>
        <translation>随附字体（文泉驿微米黑）</translation>
    </message>
    <message>
        <source>Other TrueType font…</source>
        <translation>其他 TrueType 字体…</translation>
    </message>
    <message>
        <source>Font for the Report</source>
        <translation>报告字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc);;All files (*)</source>
        <translation>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ReportOptionsPanel</name>
    <message>
        <source>The visit&apos;s language</source>
        <translation>与调研语言一致</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Modern layout</source>
        <translation>现代版式</translation>
    </message>
    <message>
        <source>Official document layout (公文)</source>
        <translation>公文版式</translation>
    </message>
    <message>
        <source>The layout&apos;s default</source>
        <translation>版式默认字体</translation>
    </message>
    <message>
        <source>e.g. Internal — printed on the cover</source>
        <translation>例如“内部资料”——印在封面上</translation>
    </message>
    <message>
        <source>Include confidential notes</source>
        <translation>包含保密记录</translation>
    </message>
    <message>
        <source>Anonymize interviewees</source>
        <translation>隐去受访者姓名</translation>
    </message>
    <message>
        <source>Photo pages</source>
        <translation>照片页</translation>
    </message>
    <message>
        <source>Tag statistics (as an attachment)</source>
        <translation>标签统计（作为附件）</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Practices and results</source>
        <translation>主要做法及成效</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在的问题</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>Route map</source>
        <translation>路线示意图</translation>
    </message>
    <message>
        <source>Roster appendix</source>
        <translation>附录：人员名单</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>La&amp;yout:</source>
        <translation>版式(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Title font:</source>
        <translation>标题字体(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Heading font:</source>
        <translation>层次标题字体(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Body font:</source>
        <translation>正文字体(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>标注(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <source>The preview needs pdftoppm (poppler).</source>
        <translation>预览需要 pdftoppm（poppler）。</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>报告预览</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Export Research Report</source>
        <translation>导出调研报告</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Writing the research report…</source>
        <translation>正在生成调研报告…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message numerus="yes">
        <source>%n photo file(s) were not found and were left out: %1</source>
        <translation>
            <numerusform>%n 个照片文件未找到，已略去：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>记录 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key figure(s)</source>
        <translation>
            <numerusform>关键数据 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s)</source>
        <translation>
            <numerusform>后续事项 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>照片 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>As PDF or Word (.docx): the file name decides</source>
        <translation>PDF 或 Word（.docx）：由文件扩展名决定</translation>
    </message>
    <message>
        <source>Export &amp;Brief…</source>
        <translation>导出简报(&amp;B)…</translation>
    </message>
    <message>
        <source>The brief (简报) as PDF or Word (.docx)</source>
        <translation>简报，可导出为 PDF 或 Word（.docx）</translation>
    </message>
    <message>
        <source>Open the file when it is written</source>
        <translation>生成后打开文件</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>文稿</translation>
    </message>
    <message>
        <source>Export Brief</source>
        <translation>导出简报</translation>
    </message>
    <message>
        <source> (brief)</source>
        <translation>（简报）</translation>
    </message>
    <message>
        <source>Writing the brief…</source>
        <translation>正在生成简报…</translation>
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
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Import Roster</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>&amp;Choose File…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>In directory</source>
        <translation>名录中已有</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入方式</translation>
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
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>单位(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>Which column holds what:</source>
        <translation>各列内容：</translation>
    </message>
    <message>
        <source>Rosters (*.csv *.xlsx);;All files (*)</source>
        <translation>名单文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>Choose the column that holds the names.</source>
        <translation>请选择姓名所在的列。</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message numerus="yes">
        <source>%n new person(s)</source>
        <translation>
            <numerusform>新增 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 already in the directory (%n get(s) missing details)</source>
        <translation>
            <numerusform>名录中已有 %1 人（其中 %n 人补充信息）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected</source>
        <translation>
            <numerusform>%n 行不导入</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>导入完成：%1。</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) added</source>
        <translation>
            <numerusform>新增人员 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found in the directory</source>
        <translation>
            <numerusform>名录中已有 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s) added</source>
        <translation>
            <numerusform>新增单位 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>New organizations: %1.</source>
        <translation>新增单位：%1。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Suggest Route</source>
        <translation>建议路线</translation>
    </message>
    <message>
        <source>Looking for the order with the least travel…</source>
        <translation>正在寻找行程最短的顺序…</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>采用(&amp;A)</translation>
    </message>
    <message>
        <source>Suggesting a route…</source>
        <translation>正在计算建议路线…</translation>
    </message>
    <message>
        <source>The present order is already the best one found (%1 min of travel).</source>
        <translation>当前顺序已是找到的最佳顺序（行程 %1 分钟）。</translation>
    </message>
    <message>
        <source>Travel with every leg estimated the same way: %1 min now, %2 min with the suggested order.</source>
        <translation>每段路程按同一方法估算：当前顺序 %1 分钟，建议顺序 %2 分钟。</translation>
    </message>
    <message>
        <source>The itinerary counts typed travel times where they are given: %1 min now, %2 min after applying (typed times stay with the legs that remain).</source>
        <translation>行程表在填写了路程时间处采用填写值：当前 %1 分钟，应用后 %2 分钟（保留下来的路段沿用所填时间）。</translation>
    </message>
    <message>
        <source>→ %1 min (typed)</source>
        <translation>→ %1 分钟（填写）</translation>
    </message>
    <message>
        <source>→ ≈%1 min (estimated)</source>
        <translation>→ 约 %1 分钟（估算）</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>第 %1 天</translation>
    </message>
    <message>
        <source>best possible order</source>
        <translation>最优顺序</translation>
    </message>
    <message>
        <source>good order (heuristic)</source>
        <translation>较优顺序（启发式）</translation>
    </message>
    <message>
        <source>conflicts: %1 → %2</source>
        <translation>冲突：%1 → %2</translation>
    </message>
</context>
<context>
    <name>RouteMapWidget</name>
    <message>
        <source>No stop has coordinates yet.</source>
        <translation>尚无站点有坐标。</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Visit</source>
        <translation>调研</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配内容</translation>
    </message>
    <message>
        <source>%1 · confidential</source>
        <translation>%1 · 保密</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Key figure</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Interviewee group</source>
        <translation>访谈对象群体</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>名录</translation>
    </message>
</context>
<context>
    <name>SearchWindow</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Find in the notes, speakers, interviewee groups, key figures and follow-ups of all visits, and in sites and people (骑手, riders…)</source>
        <translation>在所有调研的记录、发言人、访谈对象群体、关键数据和后续事项中，以及地点和人员中查找（骑手、riders…）</translation>
    </message>
    <message>
        <source>Type to search all visits.</source>
        <translation>输入文字即可搜索所有调研。</translation>
    </message>
    <message>
        <source>Show &amp;More</source>
        <translation>显示更多(&amp;M)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <source>The first %1 results, newest first; add words to narrow the search, or show more.</source>
        <translation>前 %1 条结果（最新的在前）；可添加词语缩小范围，或显示更多。</translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>结果：%1</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Writing the draft…</source>
        <translation>正在起草…</translation>
    </message>
    <message>
        <source>Draft (follows the data)</source>
        <translation>草稿（随数据更新）</translation>
    </message>
    <message>
        <source>Regenerate…</source>
        <translation>重新生成…</translation>
    </message>
    <message>
        <source>Replace this section with a new draft from the visit&apos;s data</source>
        <translation>用根据调研数据生成的新草稿替换本节</translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <source>Edit Site</source>
        <translation>编辑地点</translation>
    </message>
    <message>
        <source>New Site</source>
        <translation>新建地点</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Service station</source>
        <translation>服务驿站</translation>
    </message>
    <message>
        <source>Service centre</source>
        <translation>服务中心</translation>
    </message>
    <message>
        <source>Community club</source>
        <translation>社区活动站点</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Government office</source>
        <translation>机关单位</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>e.g. 39.9087</source>
        <translation>例如 39.9087</translation>
    </message>
    <message>
        <source>e.g. 116.4605</source>
        <translation>例如 116.4605</translation>
    </message>
    <message>
        <source>WGS-84 (GPS)</source>
        <translation>WGS-84（GPS）</translation>
    </message>
    <message>
        <source>GCJ-02 (Chinese map apps)</source>
        <translation>GCJ-02（国内地图应用）</translation>
    </message>
    <message>
        <source>Opening hours known</source>
        <translation>已知开放时间</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>不开放</translation>
    </message>
    <message>
        <source>One per line, e.g. 建筑面积: 800平方米</source>
        <translation>每行一项，例如 建筑面积: 800平方米</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Host organization:</source>
        <translation>所属单位(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Latitude, longitude:</source>
        <translation>纬度、经度：</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>联系方式(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>简介(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Facts:</source>
        <translation>概况(&amp;F)：</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 不是数字</translation>
    </message>
</context>
<context>
    <name>StopColumns</name>
    <message>
        <source>Number (#)</source>
        <translation>序号（#）</translation>
    </message>
    <message>
        <source>Default Columns</source>
        <translation>恢复默认列</translation>
    </message>
</context>
<context>
    <name>StopsModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>天</translation>
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
        <source>Stay</source>
        <translation>停留</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延误</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>约定到达</translation>
    </message>
    <message>
        <source>Travel by</source>
        <translation>交通方式</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>余量</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动安排</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>“%1” is not a valid %2.</source>
        <translation>“%1”不是有效的%2。</translation>
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
    <name>ThemesModel</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>TravelDialog</name>
    <message>
        <source>Travel Estimates</source>
        <translation>行程估算</translation>
    </message>
</context>
<context>
    <name>TravelSpeedsForm</name>
    <message>
        <source> km/h</source>
        <translation> 公里/小时</translation>
    </message>
    <message>
        <source>Detour factor</source>
        <translation>绕行系数</translation>
    </message>
    <message>
        <source>Walking speed</source>
        <translation>步行速度</translation>
    </message>
    <message>
        <source>Car speed</source>
        <translation>小汽车速度</translation>
    </message>
    <message>
        <source>Minibus speed</source>
        <translation>中巴车速度</translation>
    </message>
    <message>
        <source>Public transport speed</source>
        <translation>公共交通速度</translation>
    </message>
    <message>
        <source>Without a typed travel time, a leg takes the great-circle distance × the detour factor ÷ the speed of its mode.</source>
        <translation>未填写行程时间时，路段时间按 大圆距离 × 绕行系数 ÷ 该交通方式的速度 估算。</translation>
    </message>
    <message>
        <source>&amp;Detour factor:</source>
        <translation>绕行系数(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Walking:</source>
        <translation>步行(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Car:</source>
        <translation>小汽车(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Minibus:</source>
        <translation>中巴(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Public transport:</source>
        <translation>公共交通(&amp;P)：</translation>
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
    <name>VisitTransfer</name>
    <message>
        <source>Import Visit</source>
        <translation>导入调研</translation>
    </message>
    <message>
        <source>Visit packages and documents (*.fieldvisit *.json);;All files (*)</source>
        <translation>调研数据包和文档 (*.fieldvisit *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Merged “%1”: %2 added, %3 updated, %4 deleted, %5 unchanged, %6 in conflict</source>
        <translation>已合并“%1”：新增 %2，更新 %3，删除 %4，未变 %5，冲突 %6</translation>
    </message>
    <message>
        <source>; %1 directory records kept: used only by other visits</source>
        <translation>；%1 条名录记录保持不变：仅被其他调研使用</translation>
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
<context>
    <name>VisitsList</name>
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
        <translation>调研</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>调研(&amp;V)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to FieldVisit</source>
        <translation>欢迎使用 FieldVisit</translation>
    </message>
    <message>
        <source>Plan a joint field research visit: assemble the delegation, route it through the sites, take notes at each stop and publish the research report. There is no visit in this database yet.</source>
        <translation>策划一次联合调研：组建调研组，安排各调研点行程，在每一站现场记录，最后形成调研报告。此数据库中还没有调研。</translation>
    </message>
    <message>
        <source>Open the sample visit</source>
        <translation>打开示例调研</translation>
    </message>
    <message>
        <source>The joint research visit of four organizations to new-employment-form workers in Chaoyang district, with its delegation, itinerary and notes.</source>
        <translation>四家单位赴朝阳区走访新就业形态劳动者的联合调研，含调研组、行程和记录。</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建调研</translation>
    </message>
    <message>
        <source>Start with an empty visit: a title, dates and the theme of the research.</source>
        <translation>从空白调研开始：填写标题、日期和调研主题。</translation>
    </message>
    <message>
        <source>Import a visit package…</source>
        <translation>导入调研包…</translation>
    </message>
    <message>
        <source>Open a .fieldvisit package or a visit document sent by a coordinator or a note-taker.</source>
        <translation>打开协调人或记录员发来的 .fieldvisit 调研包或调研文档。</translation>
    </message>
    <message>
        <source>Import a visit package</source>
        <translation>导入调研包</translation>
    </message>
</context>
<context>
    <name>WritingCommands</name>
    <message>
        <source>Edit the report text</source>
        <translation>编辑报告文稿</translation>
    </message>
</context>
<context>
    <name>WritingEditor</name>
    <message>
        <source>Report title</source>
        <translation>报告标题</translation>
    </message>
    <message>
        <source>Lead paragraph</source>
        <translation>导语</translation>
    </message>
    <message>
        <source>Basic situation</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Main practices and results</source>
        <translation>主要做法及成效</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在的问题</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>署名单位</translation>
    </message>
    <message>
        <source>Date written</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Brief title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Brief text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Masthead</source>
        <translation>报头</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>期号</translation>
    </message>
    <message>
        <source>Compiled by</source>
        <translation>编印单位</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>简报</translation>
    </message>
    <message>
        <source>&amp;Keep My Text</source>
        <translation>保留我的文字(&amp;K)</translation>
    </message>
    <message>
        <source>Show the &amp;Saved Text</source>
        <translation>显示已保存的文字(&amp;S)</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>正在编辑…</translation>
    </message>
    <message>
        <source>Saved · last changed by %1</source>
        <translation>已保存 · 最后由 %1 修改</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>The report text was changed by %1 while you were writing. Your text is still here, not saved.</source>
        <translation>您撰写期间，报告文稿已被 %1 修改。您的文字仍在这里，尚未保存。</translation>
    </message>
    <message>
        <source>The report text was changed elsewhere (an undo, an import) while you were writing. Your text is still here, not saved.</source>
        <translation>您撰写期间，报告文稿已在别处修改（撤销、导入）。您的文字仍在这里，尚未保存。</translation>
    </message>
    <message>
        <source>Not saved: changed by %1</source>
        <translation>未保存：已被 %1 修改</translation>
    </message>
    <message>
        <source>Not saved: changed elsewhere</source>
        <translation>未保存：已在别处修改</translation>
    </message>
</context>
<context>
    <name>WritingPanel</name>
    <message>
        <source>the report text you are writing</source>
        <translation>正在撰写的报告文稿</translation>
    </message>
    <message>
        <source>Regenerate “%1”</source>
        <translation>重新生成“%1”</translation>
    </message>
    <message>
        <source>Replace your text of “%1” with a new draft from the visit&apos;s data? Edit ▸ Undo brings your text back.</source>
        <translation>要用根据调研数据生成的新草稿替换您写的“%1”吗？可用“编辑 ▸ 撤销”找回您的文字。</translation>
    </message>
</context>
<context>
    <name>WrittenNotice</name>
    <message>
        <source>Open Folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>No file manager could be started. The file is in:
%1</source>
        <translation>无法启动文件管理器。文件位于：
%1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>No program could open %1. Show the folder it is in?</source>
        <translation>没有程序能打开 %1。要显示它所在的文件夹吗？</translation>
    </message>
</context>
</TS>
