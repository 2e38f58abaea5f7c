<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DelegationCommands</name>
    <message numerus="yes">
        <source>Add %n people to the delegation</source>
        <translation>
            <numerusform>Add %n person to the delegation</numerusform>
            <numerusform>Add %n people to the delegation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DelegationTab</name>
    <message numerus="yes">
        <source>Delegation in protocol order: %n people</source>
        <translation>
            <numerusform>Delegation in protocol order: %n person</numerusform>
            <numerusform>Delegation in protocol order: %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n organizations taking part</source>
        <translation>
            <numerusform>, %n organization taking part</numerusform>
            <numerusform>, %n organizations taking part</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganizationsPanel</name>
    <message numerus="yes">
        <source>%1 still has %n member(s) in the delegation: %2. Withdraw the organization and remove them from the delegation?</source>
        <translation>
            <numerusform>%1 still has %n member in the delegation: %2. Withdraw the organization and remove them from the delegation?</numerusform>
            <numerusform>%1 still has %n members in the delegation: %2. Withdraw the organization and remove them from the delegation?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoCommands</name>
    <message numerus="yes">
        <source>Add %n photo(s)</source>
        <translation>
            <numerusform>Add a photo</numerusform>
            <numerusform>Add %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n photo(s)</source>
        <translation>
            <numerusform>Remove a photo</numerusform>
            <numerusform>Remove %n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message numerus="yes">
        <source>%n photo file(s) were not found and were left out: %1</source>
        <translation>
            <numerusform>%n photo file was not found and was left out: %1</numerusform>
            <numerusform>%n photo files were not found and were left out: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key figure(s)</source>
        <translation>
            <numerusform>%n key figure</numerusform>
            <numerusform>%n key figures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s)</source>
        <translation>
            <numerusform>%n follow-up</numerusform>
            <numerusform>%n follow-ups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message numerus="yes">
        <source>%n new person(s)</source>
        <translation>
            <numerusform>%n new person</numerusform>
            <numerusform>%n new people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 already in the directory (%n get(s) missing details)</source>
        <translation>
            <numerusform>%1 already in the directory (%n gets missing details)</numerusform>
            <numerusform>%1 already in the directory (%n get missing details)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected</source>
        <translation>
            <numerusform>%n row rejected</numerusform>
            <numerusform>%n rows rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) added</source>
        <translation>
            <numerusform>%n person added</numerusform>
            <numerusform>%n people added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found in the directory</source>
        <translation>
            <numerusform>%n found in the directory</numerusform>
            <numerusform>%n found in the directory</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s) added</source>
        <translation>
            <numerusform>%n organization added</numerusform>
            <numerusform>%n organizations added</numerusform>
        </translation>
    </message>
</context>
</TS>
