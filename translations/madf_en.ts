<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Madf::ResearchAgent</name>
    <message numerus="yes">
        <source>&quot;questions&quot; holds %n distinct question(s); 3 to 5 are required</source>
        <translation>
            <numerusform>&quot;questions&quot; holds %n distinct question; 3 to 5 are required</numerusform>
            <numerusform>&quot;questions&quot; holds %n distinct questions; 3 to 5 are required</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Madf::Ui::BenchmarkPanel</name>
    <message numerus="yes">
        <source>Cancelled after %n document(s); a cancelled run is not kept.</source>
        <translation>
            <numerusform>Cancelled after %n document; a cancelled run is not kept.</numerusform>
            <numerusform>Cancelled after %n documents; a cancelled run is not kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n run(s) to %1</source>
        <translation>
            <numerusform>Exported %n run to %1</numerusform>
            <numerusform>Exported %n runs to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ConnectionTest</name>
    <message numerus="yes">
        <source>Connected to %1: key accepted, answered in %2 ms, %n model(s) offered.</source>
        <translation>
            <numerusform>Connected to %1: key accepted, answered in %2 ms, %n model offered.</numerusform>
            <numerusform>Connected to %1: key accepted, answered in %2 ms, %n models offered.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Madf::Ui::DashboardPanel</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed call(s)</source>
        <translation>
            <numerusform>%n failed call</numerusform>
            <numerusform>%n failed calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Madf::Ui::DocumentView</name>
    <message numerus="yes">
        <source>%1 — %2 · %n tokens · %3</source>
        <translation>
            <numerusform>%1 — %2 · %n token · %3</numerusform>
            <numerusform>%1 — %2 · %n tokens · %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Madf::Ui::InspectorPanel</name>
    <message numerus="yes">
        <source>%n model(s) offered by %1</source>
        <translation>
            <numerusform>%n model offered by %1</numerusform>
            <numerusform>%n models offered by %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Madf::Ui::LatencyPage</name>
    <message numerus="yes">
        <source>Latency per document: p50 %1, p95 %2 (%n completed)</source>
        <translation>
            <numerusform>Latency per document: p50 %1, p95 %2 (%n completed)</numerusform>
            <numerusform>Latency per document: p50 %1, p95 %2 (%n completed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Madf::Ui::LocalServerOffer</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1 found&lt;/b&gt; at %2 with %n model(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1 found&lt;/b&gt; at %2 with %n model.</numerusform>
            <numerusform>&lt;b&gt;%1 found&lt;/b&gt; at %2 with %n models.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Madf::Ui::MainWindow</name>
    <message numerus="yes">
        <source>Resumed %n document(s)</source>
        <translation>
            <numerusform>Resumed %n document</numerusform>
            <numerusform>Resumed %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ProvidersDialog</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 · %n model(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; at %2 · %n model</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; at %2 · %n models</numerusform>
        </translation>
    </message>
</context>
</TS>
