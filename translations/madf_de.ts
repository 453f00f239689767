<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Madf::BenchmarkResult</name>
    <message>
        <source>Load test</source>
        <translation>Lasttest</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
</context>
<context>
    <name>Madf::BenchmarkRunner</name>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
</context>
<context>
    <name>Madf::Cli</name>
    <message>
        <source>Usage: madf batch FILE.yaml [--concurrency N] [--json] [--config FILE]
  FILE.yaml: documents: [{topic, type, length, style, audience, requirements: [...], references: [...]}]
</source>
        <translation>Aufruf: madf batch DATEI.yaml [--concurrency N] [--json] [--config DATEI]
  DATEI.yaml: documents: [{topic, type, length, style, audience, requirements: [...], references: [...]}]
</translation>
    </message>
    <message>
        <source>documents and tasks run at once (orchestrator.max_concurrent_tasks)</source>
        <translation>gleichzeitig laufende Dokumente und Aufgaben (orchestrator.max_concurrent_tasks)</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>madf batch: give exactly one FILE
</source>
        <translation>madf batch: Geben Sie genau eine DATEI an
</translation>
    </message>
    <message>
        <source>--concurrency: %1
</source>
        <translation>--concurrency: %1
</translation>
    </message>
    <message>
        <source>madf batch: the engine did not start: %1
</source>
        <translation>madf batch: Die Engine ist nicht gestartet: %1
</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>total: %1 documents, %2 complete, %3 failed, %4 stopped · cost %5 · %6 s
</source>
        <translation>gesamt: %1 Dokumente, %2 fertig, %3 fehlgeschlagen, %4 gestoppt · Kosten %5 · %6 s
</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: expected a non-empty list under &quot;documents:&quot;</source>
        <translation>%1: unter „documents:“ wird eine nicht leere Liste erwartet</translation>
    </message>
    <message>
        <source>%1: documents[%2]</source>
        <translation>%1: documents[%2]</translation>
    </message>
    <message>
        <source>%1: expected a map with at least &quot;topic&quot;</source>
        <translation>%1: erwartet wird eine Zuordnung mit mindestens „topic“</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot; (known: %3)</source>
        <translation>%1: unbekannter Schlüssel „%2“ (bekannt: %3)</translation>
    </message>
    <message>
        <source>%1: line %2: %3</source>
        <translation>%1: Zeile %2: %3</translation>
    </message>
    <message>
        <source>Usage:
  madf bench [--iterations N] [--topic TEXT] [--json] [--config FILE]
  madf load-test [--concurrent N] [--topic TEXT] [--json] [--config FILE]
</source>
        <translation>Aufruf:
  madf bench [--iterations N] [--topic TEXT] [--json] [--config DATEI]
  madf load-test [--concurrent N] [--topic TEXT] [--json] [--config DATEI]
</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a number from 1 to 1000
</source>
        <translation>--%1: „%2“ ist keine Zahl von 1 bis 1000
</translation>
    </message>
    <message>
        <source>run %1/%2: %3 s, quality %4%
</source>
        <translation>Lauf %1/%2: %3 s, Qualität %4 %
</translation>
    </message>
    <message>
        <source>Average latency: %1s (std %2s)
</source>
        <translation>Mittlere Latenz: %1 s (Standardabweichung %2 s)
</translation>
    </message>
    <message>
        <source>Throughput: %1 docs/hour
</source>
        <translation>Durchsatz: %1 Dokumente/Stunde
</translation>
    </message>
    <message>
        <source>Quality: %1%
</source>
        <translation>Qualität: %1 %
</translation>
    </message>
    <message>
        <source>Cost per document: %1
</source>
        <translation>Kosten pro Dokument: %1
</translation>
    </message>
    <message>
        <source>Complete: %1/%2
</source>
        <translation>Fertig: %1/%2
</translation>
    </message>
    <message>
        <source>Total time: %1s
</source>
        <translation>Gesamtzeit: %1 s
</translation>
    </message>
    <message>
        <source>Average time per document: %1s
</source>
        <translation>Mittlere Zeit pro Dokument: %1 s
</translation>
    </message>
    <message>
        <source>Successful: %1/%2
</source>
        <translation>Erfolgreich: %1/%2
</translation>
    </message>
    <message>
        <source>the request&apos;s topic</source>
        <translation>das Thema der Anfrage</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>keep the response cache on (off by default: repeated requests would be answered from it and the figures would measure the cache)</source>
        <translation>den Antwort-Cache eingeschaltet lassen (standardmäßig aus: wiederholte Anfragen würden aus ihm beantwortet, und die Zahlen mäßen den Cache)</translation>
    </message>
    <message>
        <source>documents started at once</source>
        <translation>gleichzeitig gestartete Dokumente</translation>
    </message>
    <message>
        <source>documents run one after another</source>
        <translation>nacheinander erzeugte Dokumente</translation>
    </message>
    <message>
        <source>validate, show or create a configuration file</source>
        <translation>eine Konfigurationsdatei prüfen, anzeigen oder anlegen</translation>
    </message>
    <message>
        <source>list, test a provider or list its models</source>
        <translation>Anbieter auflisten, einen Anbieter testen oder seine Modelle auflisten</translation>
    </message>
    <message>
        <source>one model call through the gateway</source>
        <translation>ein Modellaufruf über das Gateway</translation>
    </message>
    <message>
        <source>generate one document</source>
        <translation>ein Dokument erzeugen</translation>
    </message>
    <message>
        <source>generate the documents listed in a YAML file</source>
        <translation>die in einer YAML-Datei aufgeführten Dokumente erzeugen</translation>
    </message>
    <message>
        <source>list the documents generated so far</source>
        <translation>die bisher erzeugten Dokumente auflisten</translation>
    </message>
    <message>
        <source>a document&apos;s metadata, quality, sections and calls</source>
        <translation>Metadaten, Qualität, Abschnitte und Aufrufe eines Dokuments</translation>
    </message>
    <message>
        <source>write a stored document as Markdown or HTML</source>
        <translation>ein gespeichertes Dokument als Markdown oder HTML schreiben</translation>
    </message>
    <message>
        <source>finish the documents an interruption left</source>
        <translation>durch eine Unterbrechung liegen gebliebene Dokumente fertigstellen</translation>
    </message>
    <message>
        <source>the benchmark: one request N times in a row</source>
        <translation>der Benchmark: eine Anfrage N-mal hintereinander</translation>
    </message>
    <message>
        <source>N requests at once</source>
        <translation>N Anfragen gleichzeitig</translation>
    </message>
    <message>
        <source>Usage: madf &lt;command&gt; [options]

MADF Studio&apos;s headless engine: generate and verify documents with a team of LLM agents.

Commands:
</source>
        <translation>Aufruf: madf &lt;Befehl&gt; [Optionen]

Die Engine von MADF Studio ohne Oberfläche: erzeugt und prüft Dokumente mit einem Team von LLM-Agenten.

Befehle:
</translation>
    </message>
    <message>
        <source>
Options:
  -h, --help     show this help (or `madf &lt;command&gt; --help`)
  -v, --version  show the version

Exit status: 0 success, 1 the work failed, 2 bad arguments or invalid
configuration, 3 stopped (cancelled, budget or timeout) with the work kept.
</source>
        <translation>
Optionen:
  -h, --help     diese Hilfe anzeigen (oder `madf &lt;Befehl&gt; --help`)
  -v, --version  die Version anzeigen

Exit-Status: 0 Erfolg, 1 die Arbeit ist fehlgeschlagen, 2 falsche Argumente oder ungültige
Konfiguration, 3 gestoppt (abgebrochen, Budget oder Zeitlimit), die bisherige Arbeit bleibt erhalten.
</translation>
    </message>
    <message>
        <source>madf: unknown command &quot;%1&quot;. Run `madf --help` for the list.
</source>
        <translation>madf: unbekannter Befehl „%1“. `madf --help` zeigt die Liste.
</translation>
    </message>
    <message>
        <source>configuration file</source>
        <translation>Konfigurationsdatei</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>print one JSON object on stdout</source>
        <translation>ein JSON-Objekt auf stdout ausgeben</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Usage: madf complete --provider NAME [--model M] [--stream] [--max-tokens N]
         [--system TEXT] [--json] [--config FILE] PROMPT
</source>
        <translation>Aufruf: madf complete --provider NAME [--model M] [--stream] [--max-tokens N]
         [--system TEXT] [--json] [--config DATEI] PROMPT
</translation>
    </message>
    <message>
        <source>a provider of the configuration</source>
        <translation>ein Anbieter aus der Konfiguration</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>the model (default: the first agent&apos;s using that provider)</source>
        <translation>das Modell (Standard: das des ersten Agenten, der diesen Anbieter nutzt)</translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <source>print the reply as it arrives</source>
        <translation>die Antwort ausgeben, während sie eintrifft</translation>
    </message>
    <message>
        <source>reply length limit</source>
        <translation>Höchstlänge der Antwort</translation>
    </message>
    <message>
        <source>system prompt</source>
        <translation>System-Prompt</translation>
    </message>
    <message>
        <source>madf complete: give --provider and a PROMPT
</source>
        <translation>madf complete: Geben Sie --provider und einen PROMPT an
</translation>
    </message>
    <message>
        <source>madf complete: &quot;%1&quot; is not a provider (defined: %2)
</source>
        <translation>madf complete: „%1“ ist kein Anbieter (definiert: %2)
</translation>
    </message>
    <message>
        <source>--max-tokens: &quot;%1&quot; is not a positive whole number
</source>
        <translation>--max-tokens: „%1“ ist keine positive ganze Zahl
</translation>
    </message>
    <message>
        <source>retry %1 after %2 in %3 ms
</source>
        <translation>Wiederholung %1 nach %2 in %3 ms
</translation>
    </message>
    <message>
        <source>usage: %1 prompt + %2 completion tokens%3 · cost %4
</source>
        <translation>Verbrauch: %1 Prompt- + %2 Antwort-Tokens%3 · Kosten %4
</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation> (geschätzt)</translation>
    </message>
    <message>
        <source> (simulated: not paid)</source>
        <translation> (simuliert: nicht bezahlt)</translation>
    </message>
    <message>
        <source>timings: queued %1 ms · ttft %2 · total %3 ms · attempts %4
</source>
        <translation>Zeiten: Warteschlange %1 ms · erstes Token %2 · gesamt %3 ms · Versuche %4
</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>error: %1: %2
%3
</source>
        <translation>Fehler: %1: %2
%3
</translation>
    </message>
    <message>
        <source>Usage:
  madf config validate FILE
  madf config show [--effective] [--config FILE]
  madf config init [FILE] [--force]   (FILE &quot;-&quot; writes to stdout)
  madf config reference               (every key, default and range, in Markdown)
</source>
        <translation>Aufruf:
  madf config validate DATEI
  madf config show [--effective] [--config DATEI]
  madf config init [DATEI] [--force]   (DATEI „-“ schreibt auf stdout)
  madf config reference                (jeder Schlüssel mit Standardwert und Bereich, in Markdown)
</translation>
    </message>
    <message>
        <source>madf config validate: give exactly one FILE</source>
        <translation>madf config validate: Geben Sie genau eine DATEI an</translation>
    </message>
    <message>
        <source>%1: %n error(s), the file is not valid</source>
        <translation>%1: %n Fehler, die Datei ist ungültig</translation>
    </message>
    <message>
        <source>%1: valid (%n warning(s))</source>
        <translation>%1: gültig (Warnungen: %n)</translation>
    </message>
    <message>
        <source>every value in force, not only those that differ from the defaults</source>
        <translation>alle geltenden Werte, nicht nur die von den Standardwerten abweichenden</translation>
    </message>
    <message>
        <source>no config file: built-in defaults</source>
        <translation>keine Konfigurationsdatei: eingebaute Standardwerte</translation>
    </message>
    <message>
        <source>config file: %1 (chosen by %2)</source>
        <translation>Konfigurationsdatei: %1 (gewählt durch %2)</translation>
    </message>
    <message>
        <source># values that differ from the built-in defaults; --effective shows all</source>
        <translation># Werte, die von den eingebauten Standardwerten abweichen; --effective zeigt alle</translation>
    </message>
    <message>
        <source>overwrite an existing file</source>
        <translation>eine vorhandene Datei überschreiben</translation>
    </message>
    <message>
        <source>where to write</source>
        <translation>wohin geschrieben wird</translation>
    </message>
    <message>
        <source>%1 exists; nothing written (use --force to replace it)</source>
        <translation>%1 existiert bereits; nichts geschrieben (mit --force ersetzen)</translation>
    </message>
    <message>
        <source>madf config: give a subcommand</source>
        <translation>madf config: Geben Sie einen Unterbefehl an</translation>
    </message>
    <message>
        <source>madf config: unknown subcommand &quot;%1&quot;</source>
        <translation>madf config: unbekannter Unterbefehl „%1“</translation>
    </message>
    <message>
        <source> · revision %1</source>
        <translation> · Überarbeitung %1</translation>
    </message>
    <message>
        <source>%1: %2, quality %3, %4, %5 s
</source>
        <translation>%1: %2, Qualität %3, %4, %5 s
</translation>
    </message>
    <message>
        <source>Cancelling… (the work done so far is kept)
</source>
        <translation>Wird abgebrochen … (die bisherige Arbeit bleibt erhalten)
</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Usage: madf generate --topic TEXT [--type T] [--length WORDS] [--style S] [--audience A]
         [--requirement R]... [--reference FILE|URL]... [--outline TEXT] [--preset NAME]
         [--out FILE.md|FILE.html] [--estimate] [--json] [--config FILE]
</source>
        <translation>Aufruf: madf generate --topic TEXT [--type T] [--length WÖRTER] [--style S] [--audience A]
         [--requirement R]... [--reference DATEI|URL]... [--outline TEXT] [--preset NAME]
         [--out DATEI.md|DATEI.html] [--estimate] [--json] [--config DATEI]
</translation>
    </message>
    <message>
        <source>what the document is about</source>
        <translation>worum es in dem Dokument geht</translation>
    </message>
    <message>
        <source>article, paper, report, essay, blog, documentation</source>
        <translation>article, paper, report, essay, blog, documentation</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>target length in words</source>
        <translation>Ziellänge in Wörtern</translation>
    </message>
    <message>
        <source>WORDS</source>
        <translation>WÖRTER</translation>
    </message>
    <message>
        <source>writing style</source>
        <translation>Schreibstil</translation>
    </message>
    <message>
        <source>STYLE</source>
        <translation>STIL</translation>
    </message>
    <message>
        <source>intended readers</source>
        <translation>vorgesehene Leserschaft</translation>
    </message>
    <message>
        <source>AUDIENCE</source>
        <translation>ZIELGRUPPE</translation>
    </message>
    <message>
        <source>a requirement (repeatable)</source>
        <translation>eine Anforderung (mehrfach möglich)</translation>
    </message>
    <message>
        <source>a reference file or URL (repeatable)</source>
        <translation>eine Quelldatei oder URL (mehrfach möglich)</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <source>your own outline</source>
        <translation>Ihre eigene Gliederung</translation>
    </message>
    <message>
        <source>a preset on top of the configuration</source>
        <translation>eine Voreinstellung über der Konfiguration</translation>
    </message>
    <message>
        <source>where to write the document (.md or .html)</source>
        <translation>wohin das Dokument geschrieben wird (.md oder .html)</translation>
    </message>
    <message>
        <source>print the expected calls, tokens, cost and time, and stop</source>
        <translation>die erwarteten Aufrufe, Tokens, Kosten und Dauer ausgeben und aufhören</translation>
    </message>
    <message>
        <source>madf generate: unexpected argument &quot;%1&quot;
</source>
        <translation>madf generate: unerwartetes Argument „%1“
</translation>
    </message>
    <message>
        <source>--length: &quot;%1&quot; is not a whole number
</source>
        <translation>--length: „%1“ ist keine ganze Zahl
</translation>
    </message>
    <message>
        <source>madf generate: the request is not valid (%1 problem(s))
</source>
        <translation>madf generate: Die Anfrage ist ungültig (Probleme: %1)
</translation>
    </message>
    <message>
        <source>madf generate: the engine did not start: %1
</source>
        <translation>madf generate: Die Engine ist nicht gestartet: %1
</translation>
    </message>
    <message>
        <source>note: threshold_met false: the quality %1 stayed below the threshold %2
</source>
        <translation>Hinweis: threshold_met false: Die Qualität %1 blieb unter der Schwelle %2
</translation>
    </message>
    <message>
        <source>madf: &quot;%1&quot; matches %2 documents; give more of the id
</source>
        <translation>madf: „%1“ passt auf %2 Dokumente; geben Sie mehr von der ID an
</translation>
    </message>
    <message>
        <source>madf: no document &quot;%1&quot; (see `madf history`)
</source>
        <translation>madf: kein Dokument „%1“ (siehe `madf history`)
</translation>
    </message>
    <message>
        <source>--sort: &quot;%1&quot; is not one of date, quality, cost, latency
</source>
        <translation>--sort: „%1“ ist keiner der Werte date, quality, cost, latency
</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a whole number
</source>
        <translation>--limit: „%1“ ist keine ganze Zahl
</translation>
    </message>
    <message>
        <source>no documents
</source>
        <translation>keine Dokumente
</translation>
    </message>
    <message>
        <source>id:       %1
</source>
        <translation>ID:         %1
</translation>
    </message>
    <message>
        <source>title:    %1
</source>
        <translation>Titel:      %1
</translation>
    </message>
    <message>
        <source>topic:    %1
</source>
        <translation>Thema:      %1
</translation>
    </message>
    <message>
        <source>type:     %1, %2 words asked, %3 written
</source>
        <translation>Typ:        %1, %2 Wörter verlangt, %3 geschrieben
</translation>
    </message>
    <message>
        <source>status:   %1
</source>
        <translation>Status:     %1
</translation>
    </message>
    <message>
        <source>quality:  %1
</source>
        <translation>Qualität:   %1
</translation>
    </message>
    <message>
        <source>threshold met: %1
</source>
        <translation>Schwelle erreicht: %1
</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>failure:  %1
</source>
        <translation>Fehler:     %1
</translation>
    </message>
    <message>
        <source>created:  %1
</source>
        <translation>Erstellt:   %1
</translation>
    </message>
    <message>
        <source>calls:    %1 · cost %2 · %3 s
</source>
        <translation>Aufrufe:    %1 · Kosten %2 · %3 s
</translation>
    </message>
    <message>
        <source>sections: %1
</source>
        <translation>Abschnitte: %1
</translation>
    </message>
    <message>
        <source>--format: give md or html
</source>
        <translation>--format: Geben Sie md oder html an
</translation>
    </message>
    <message>
        <source>cannot write %1: %2
</source>
        <translation>%1 kann nicht geschrieben werden: %2
</translation>
    </message>
    <message>
        <source>madf resume: the engine did not start: %1
</source>
        <translation>madf resume: Die Engine ist nicht gestartet: %1
</translation>
    </message>
    <message>
        <source>nothing to resume
</source>
        <translation>nichts fortzusetzen
</translation>
    </message>
    <message>
        <source>only titles/topics with this text</source>
        <translation>nur Titel/Themen mit diesem Text</translation>
    </message>
    <message>
        <source>date, quality, cost or latency</source>
        <translation>date, quality, cost oder latency</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>at most N rows</source>
        <translation>höchstens N Zeilen</translation>
    </message>
    <message>
        <source>md or html</source>
        <translation>md oder html</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>file to write (default: stdout)</source>
        <translation>zu schreibende Datei (Standard: stdout)</translation>
    </message>
    <message>
        <source>madf %1: give one document ID
</source>
        <translation>madf %1: Geben Sie eine Dokument-ID an
</translation>
    </message>
    <message>
        <source>madf %1: unexpected argument
</source>
        <translation>madf %1: unerwartetes Argument
</translation>
    </message>
    <message>
        <source>Usage:
  madf providers list [--json] [--config FILE]
  madf providers test NAME [--json] [--config FILE]
  madf providers models NAME [--config FILE]
</source>
        <translation>Aufruf:
  madf providers list [--json] [--config DATEI]
  madf providers test NAME [--json] [--config DATEI]
  madf providers models NAME [--config DATEI]
</translation>
    </message>
    <message>
        <source>  api:      %1
</source>
        <translation>  API:           %1
</translation>
    </message>
    <message>
        <source>  base URL: %1
</source>
        <translation>  Basis-URL:     %1
</translation>
    </message>
    <message>
        <source>  key:      $%1 %2
</source>
        <translation>  Schlüssel:     $%1 %2
</translation>
    </message>
    <message>
        <source>(set)</source>
        <translation>(gesetzt)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>  local:    yes
</source>
        <translation>  lokal:         ja
</translation>
    </message>
    <message>
        <source>  agents:   %1
</source>
        <translation>  Agenten:       %1
</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (%2)
</source>
        <translation>%1 (%2)
</translation>
    </message>
    <message>
        <source>no URL</source>
        <translation>keine URL</translation>
    </message>
    <message>
        <source>  reachable:    %1
</source>
        <translation>  erreichbar:    %1
</translation>
    </message>
    <message>
        <source>  key accepted: %1
</source>
        <translation>  Schlüssel ok:  %1
</translation>
    </message>
    <message>
        <source>  latency:      %1
</source>
        <translation>  Latenz:        %1
</translation>
    </message>
    <message>
        <source>  models:       %1
</source>
        <translation>  Modelle:       %1
</translation>
    </message>
    <message>
        <source>error (%1): %2
</source>
        <translation>Fehler (%1): %2
</translation>
    </message>
    <message>
        <source>madf providers: give a subcommand
</source>
        <translation>madf providers: Geben Sie einen Unterbefehl an
</translation>
    </message>
    <message>
        <source>madf providers: bad arguments
</source>
        <translation>madf providers: falsche Argumente
</translation>
    </message>
    <message>
        <source>madf providers: &quot;%1&quot; is not a provider (defined: %2)
</source>
        <translation>madf providers: „%1“ ist kein Anbieter (definiert: %2)
</translation>
    </message>
    <message>
        <source>madf %1: the engine did not start: %2
</source>
        <translation>madf %1: Die Engine ist nicht gestartet: %2
</translation>
    </message>
    <message>
        <source>madf %1: the results were not saved: %2
</source>
        <translation>madf %1: Die Ergebnisse wurden nicht gespeichert: %2
</translation>
    </message>
    <message>
        <source>Usage:
  madf history [--search TEXT] [--sort date|quality|cost|latency] [--limit N] [--json]
  madf show ID [--json]
  madf export ID --format md|html [--out FILE]
  madf resume [--json]   (writes each resumed document to the output folder)
  (each takes --config FILE)
</source>
        <translation>Aufruf:
  madf history [--search TEXT] [--sort date|quality|cost|latency] [--limit N] [--json]
  madf show ID [--json]
  madf export ID --format md|html [--out DATEI]
  madf resume [--json]   (schreibt jedes fortgesetzte Dokument in den Ausgabeordner)
  (alle verstehen --config DATEI)
</translation>
    </message>
</context>
<context>
    <name>Madf::Config</name>
    <message>
        <source>runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>no such setting</source>
        <translation>keine solche Einstellung</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a provider (defined: %2)</source>
        <translation>„%1“ ist kein Anbieter (definiert: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a provider; did you mean &quot;%2&quot;?</source>
        <translation>„%1“ ist kein Anbieter; meinten Sie „%2“?</translation>
    </message>
    <message>
        <source>a model name is required</source>
        <translation>ein Modellname ist erforderlich</translation>
    </message>
    <message>
        <source>at least one base URL is required for api &quot;%1&quot;</source>
        <translation>für die API „%1“ ist mindestens eine Basis-URL erforderlich</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL with a host</source>
        <translation>„%1“ ist keine http(s)-URL mit Host</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an environment variable name (letters, digits, _)</source>
        <translation>„%1“ ist kein Name einer Umgebungsvariablen (Buchstaben, Ziffern, _)</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
</context>
<context>
    <name>Madf::ConfigLoader</name>
    <message>
        <source>the top level must be a map of sections (orchestrator, agents, ...)</source>
        <translation>die oberste Ebene muss eine Zuordnung von Abschnitten sein (orchestrator, agents, …)</translation>
    </message>
    <message>
        <source>must be a map of settings</source>
        <translation>muss eine Zuordnung von Einstellungen sein</translation>
    </message>
    <message>
        <source>an entry needs a name</source>
        <translation>ein Eintrag braucht einen Namen</translation>
    </message>
    <message>
        <source>a value is required (allowed: %1)</source>
        <translation>ein Wert ist erforderlich (erlaubt: %1)</translation>
    </message>
    <message>
        <source>every item must be a single value (allowed: %1)</source>
        <translation>jedes Element muss ein einzelner Wert sein (erlaubt: %1)</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>erwartet: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a single value</source>
        <translation>„%1“ muss ein einzelner Wert sein</translation>
    </message>
    <message>
        <source>expected a single value, not a %1 (allowed: %2)</source>
        <translation>erwartet wird ein einzelner Wert, keine %1 (erlaubt: %2)</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>map</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>an API key written in a config file can be read by anyone who can read the file; it will not be saved back. Put it in an environment variable and name that variable in providers.&lt;name&gt;.api_key_env</source>
        <translation>ein API-Schlüssel in einer Konfigurationsdatei ist für alle lesbar, die die Datei lesen können; er wird nicht zurückgeschrieben. Legen Sie ihn in eine Umgebungsvariable und nennen Sie diese in providers.&lt;name&gt;.api_key_env</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; is ignored</source>
        <translation>unbekannter Schlüssel „%1“ wird ignoriert</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; is ignored; did you mean &quot;%2&quot;?</source>
        <translation>unbekannter Schlüssel „%1“ wird ignoriert; meinten Sie „%2“?</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>kein gültiges YAML: %1</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation>Umgebung %1</translation>
    </message>
    <message>
        <source>user config</source>
        <translation>Benutzerkonfiguration</translation>
    </message>
    <message>
        <source>built-in defaults</source>
        <translation>eingebaute Standardwerte</translation>
    </message>
</context>
<context>
    <name>Madf::ConfigSchema</name>
    <message>
        <source>How documents are scheduled, timed and judged.</source>
        <translation>Wie Dokumente eingeplant, zeitlich begrenzt und bewertet werden.</translation>
    </message>
    <message>
        <source>Agent pool size</source>
        <translation>Größe des Agentenpools</translation>
    </message>
    <message>
        <source>Size of the agent pool: how many agents can work at once.</source>
        <translation>Größe des Agentenpools: wie viele Agenten gleichzeitig arbeiten können.</translation>
    </message>
    <message>
        <source>Document time limit</source>
        <translation>Zeitlimit pro Dokument</translation>
    </message>
    <message>
        <source>Time limit for a whole document; when it runs out the document fails with its partial work kept.</source>
        <translation>Zeitlimit für ein ganzes Dokument; läuft es ab, schlägt das Dokument fehl, und die bisherige Arbeit bleibt erhalten.</translation>
    </message>
    <message>
        <source>Quality threshold</source>
        <translation>Qualitätsschwelle</translation>
    </message>
    <message>
        <source>Score a document must reach; below it the document is revised.</source>
        <translation>Bewertung, die ein Dokument erreichen muss; darunter wird es überarbeitet.</translation>
    </message>
    <message>
        <source>Parallel calls</source>
        <translation>Parallele Aufrufe</translation>
    </message>
    <message>
        <source>Run independent agent calls (research questions, sections, checks) in parallel.</source>
        <translation>Unabhängige Agentenaufrufe (Recherchefragen, Abschnitte, Prüfungen) parallel ausführen.</translation>
    </message>
    <message>
        <source>Concurrent calls</source>
        <translation>Gleichzeitige Aufrufe</translation>
    </message>
    <message>
        <source>Model calls in flight at once, across all documents.</source>
        <translation>Gleichzeitig laufende Modellaufrufe über alle Dokumente.</translation>
    </message>
    <message>
        <source>Revision rounds</source>
        <translation>Überarbeitungsrunden</translation>
    </message>
    <message>
        <source>Revision rounds for a document below the quality threshold.</source>
        <translation>Überarbeitungsrunden für ein Dokument unter der Qualitätsschwelle.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Deprecated: a key written here is readable by anyone who can read the file. Use the provider&apos;s api_key_env instead.</source>
        <translation>Veraltet: Ein hier eingetragener Schlüssel ist für alle lesbar, die die Datei lesen können. Verwenden Sie stattdessen api_key_env des Anbieters.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Model name as the provider knows it.</source>
        <translation>Modellname, wie ihn der Anbieter kennt.</translation>
    </message>
    <message>
        <source>One entry per agent: which model it uses and how it calls it.</source>
        <translation>Ein Eintrag pro Agent: welches Modell er nutzt und wie er es aufruft.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Name of an entry in `providers` (openai, anthropic, ollama, simulated, or your own).</source>
        <translation>Name eines Eintrags in `providers` (openai, anthropic, ollama, simulated oder ein eigener).</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Sampling temperature: low for facts and checks, higher for prose.</source>
        <translation>Sampling-Temperatur: niedrig für Fakten und Prüfungen, höher für Fließtext.</translation>
    </message>
    <message>
        <source>Reply token limit</source>
        <translation>Token-Limit pro Antwort</translation>
    </message>
    <message>
        <source>Most tokens one reply may have.</source>
        <translation>Höchstzahl an Tokens in einer Antwort.</translation>
    </message>
    <message>
        <source>Call time limit</source>
        <translation>Zeitlimit pro Aufruf</translation>
    </message>
    <message>
        <source>Time limit for one model call, retries included.</source>
        <translation>Zeitlimit für einen Modellaufruf, Wiederholungen eingeschlossen.</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Retries of a failed call (rate limits, server errors, timeouts).</source>
        <translation>Wiederholungen eines fehlgeschlagenen Aufrufs (Ratenlimits, Serverfehler, Zeitüberschreitungen).</translation>
    </message>
    <message>
        <source>Response cache</source>
        <translation>Antwort-Cache</translation>
    </message>
    <message>
        <source>Serve repeated identical calls from the response cache at no cost.</source>
        <translation>Wiederholte identische Aufrufe kostenlos aus dem Antwort-Cache bedienen.</translation>
    </message>
    <message>
        <source>How thoroughly documents are verified.</source>
        <translation>Wie gründlich Dokumente geprüft werden.</translation>
    </message>
    <message>
        <source>Minimum dimension score</source>
        <translation>Mindestbewertung je Dimension</translation>
    </message>
    <message>
        <source>Lowest score a single quality dimension may have before it is reported.</source>
        <translation>Niedrigste Bewertung, die eine einzelne Qualitätsdimension haben darf, bevor sie gemeldet wird.</translation>
    </message>
    <message>
        <source>Verification depth</source>
        <translation>Prüftiefe</translation>
    </message>
    <message>
        <source>basic: local checks only; standard: plus one rubric call; comprehensive: accuracy, completeness and quality checks in parallel.</source>
        <translation>basic: nur lokale Prüfungen; standard: zusätzlich ein Bewertungsaufruf; comprehensive: Genauigkeits-, Vollständigkeits- und Qualitätsprüfungen parallel.</translation>
    </message>
    <message>
        <source>Fact check</source>
        <translation>Faktenprüfung</translation>
    </message>
    <message>
        <source>Check claims against the research brief.</source>
        <translation>Aussagen mit den Rechercheergebnissen abgleichen.</translation>
    </message>
    <message>
        <source>Require sources</source>
        <translation>Quellen verlangen</translation>
    </message>
    <message>
        <source>Every section must cite at least one source.</source>
        <translation>Jeder Abschnitt muss mindestens eine Quelle zitieren.</translation>
    </message>
    <message>
        <source>Log level and log file.</source>
        <translation>Protokollstufe und Protokolldatei.</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <source>Messages below this level are dropped.</source>
        <translation>Meldungen unter dieser Stufe werden verworfen.</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>Log file; a relative path is inside the state directory. Empty: no file.</source>
        <translation>Protokolldatei; ein relativer Pfad liegt im Zustandsverzeichnis. Leer: keine Datei.</translation>
    </message>
    <message>
        <source>Log format</source>
        <translation>Protokollformat</translation>
    </message>
    <message>
        <source>Kept for compatibility with Python MADF files; MADF Studio uses its own pattern.</source>
        <translation>Zur Kompatibilität mit Python-MADF-Dateien vorhanden; MADF Studio verwendet ein eigenes Muster.</translation>
    </message>
    <message>
        <source>Log file size limit</source>
        <translation>Maximale Protokollgröße</translation>
    </message>
    <message>
        <source>Size at which the log file is rotated.</source>
        <translation>Größe, ab der die Protokolldatei rotiert wird.</translation>
    </message>
    <message>
        <source>Log files kept</source>
        <translation>Aufbewahrte Protokolldateien</translation>
    </message>
    <message>
        <source>Rotated log files kept.</source>
        <translation>Anzahl der aufbewahrten rotierten Protokolldateien.</translation>
    </message>
    <message>
        <source>Base URLs</source>
        <translation>Basis-URLs</translation>
    </message>
    <message>
        <source>One or more base URLs (replicas), e.g. https://api.openai.com/v1.</source>
        <translation>Eine oder mehrere Basis-URLs (Replikate), z. B. https://api.openai.com/v1.</translation>
    </message>
    <message>
        <source>Named model endpoints that agents refer to.</source>
        <translation>Benannte Modell-Endpunkte, auf die sich Agenten beziehen.</translation>
    </message>
    <message>
        <source>API format</source>
        <translation>API-Format</translation>
    </message>
    <message>
        <source>Wire format: openai (Chat Completions: OpenAI, Ollama, llama.cpp, vLLM, LM Studio, OpenRouter...), anthropic (Messages), or simulated (built in, offline).</source>
        <translation>Protokoll: openai (Chat Completions: OpenAI, Ollama, llama.cpp, vLLM, LM Studio, OpenRouter …), anthropic (Messages) oder simulated (eingebaut, offline).</translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation>Variable für den API-Schlüssel</translation>
    </message>
    <message>
        <source>Environment variable holding the API key. The key itself never goes in this file.</source>
        <translation>Umgebungsvariable, die den API-Schlüssel enthält. Der Schlüssel selbst kommt nie in diese Datei.</translation>
    </message>
    <message>
        <source>HTTP headers</source>
        <translation>HTTP-Header</translation>
    </message>
    <message>
        <source>Extra HTTP headers sent with every request.</source>
        <translation>Zusätzliche HTTP-Header, die mit jeder Anfrage gesendet werden.</translation>
    </message>
    <message>
        <source>Local server</source>
        <translation>Lokaler Server</translation>
    </message>
    <message>
        <source>A server on your machine: its models cost nothing unless `pricing` says otherwise.</source>
        <translation>Ein Server auf Ihrem Rechner: Seine Modelle kosten nichts, sofern `pricing` nichts anderes festlegt.</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Zeitlimit für den Verbindungsaufbau</translation>
    </message>
    <message>
        <source>Time allowed to open a connection.</source>
        <translation>Erlaubte Zeit zum Öffnen einer Verbindung.</translation>
    </message>
    <message>
        <source>Inactivity timeout</source>
        <translation>Zeitlimit bei Inaktivität</translation>
    </message>
    <message>
        <source>A call fails when no byte arrives for this long.</source>
        <translation>Ein Aufruf schlägt fehl, wenn so lange kein Byte eintrifft.</translation>
    </message>
    <message>
        <source>Requests in flight</source>
        <translation>Laufende Anfragen</translation>
    </message>
    <message>
        <source>Most requests in flight at once per base URL.</source>
        <translation>Höchstzahl gleichzeitig laufender Anfragen pro Basis-URL.</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <source>Our own request budget per minute; 0 = none (the server&apos;s headers still apply).</source>
        <translation>Eigenes Anfragebudget pro Minute; 0 = keines (die Header des Servers gelten weiterhin).</translation>
    </message>
    <message>
        <source>Tokens per minute</source>
        <translation>Tokens pro Minute</translation>
    </message>
    <message>
        <source>Our own token budget per minute; 0 = none (the server&apos;s headers still apply).</source>
        <translation>Eigenes Token-Budget pro Minute; 0 = keines (die Header des Servers gelten weiterhin).</translation>
    </message>
    <message>
        <source>Failures before pause</source>
        <translation>Fehler bis zur Pause</translation>
    </message>
    <message>
        <source>Consecutive failures after which a replica is taken out of service.</source>
        <translation>Aufeinanderfolgende Fehler, nach denen ein Replikat außer Betrieb genommen wird.</translation>
    </message>
    <message>
        <source>Pause after failures</source>
        <translation>Pause nach Fehlern</translation>
    </message>
    <message>
        <source>Time before a replica taken out is tried again.</source>
        <translation>Zeit, bis ein außer Betrieb genommenes Replikat erneut versucht wird.</translation>
    </message>
    <message>
        <source>Simulation speed</source>
        <translation>Simulationsgeschwindigkeit</translation>
    </message>
    <message>
        <source>Simulated provider only: latency scale; 1 = like the real model, 0 = instant.</source>
        <translation>Nur simulierter Anbieter: Latenzfaktor; 1 = wie das echte Modell, 0 = sofort.</translation>
    </message>
    <message>
        <source>Price overrides in USD per 1M tokens, by model name.</source>
        <translation>Abweichende Preise in USD pro 1 Mio. Tokens, nach Modellname.</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Uncached input.</source>
        <translation>Eingabe ohne Cache.</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Eingabe aus dem Cache</translation>
    </message>
    <message>
        <source>Input read from the prompt cache.</source>
        <translation>Aus dem Prompt-Cache gelesene Eingabe.</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Cache-Schreiben</translation>
    </message>
    <message>
        <source>Input written to the prompt cache.</source>
        <translation>In den Prompt-Cache geschriebene Eingabe.</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Output, reasoning included.</source>
        <translation>Ausgabe, Reasoning eingeschlossen.</translation>
    </message>
    <message>
        <source>Spending caps; work stops before exceeding one, and is kept.</source>
        <translation>Ausgabengrenzen; die Arbeit stoppt, bevor eine überschritten wird, und bleibt erhalten.</translation>
    </message>
    <message>
        <source>Per document</source>
        <translation>Pro Dokument</translation>
    </message>
    <message>
        <source>Most one document may cost; 0 = no cap.</source>
        <translation>Höchstbetrag für ein Dokument; 0 = keine Grenze.</translation>
    </message>
    <message>
        <source>Per batch</source>
        <translation>Pro Stapel</translation>
    </message>
    <message>
        <source>Most one batch may cost; 0 = no cap.</source>
        <translation>Höchstbetrag für einen Stapel; 0 = keine Grenze.</translation>
    </message>
    <message>
        <source>Limits of the agent response cache.</source>
        <translation>Grenzen des Antwort-Caches der Agenten.</translation>
    </message>
    <message>
        <source>Entries in memory</source>
        <translation>Einträge im Speicher</translation>
    </message>
    <message>
        <source>Replies kept in memory (least recently used go first).</source>
        <translation>Im Speicher gehaltene Antworten (die am längsten unbenutzten fallen zuerst weg).</translation>
    </message>
    <message>
        <source>Disk cache size</source>
        <translation>Größe des Festplatten-Caches</translation>
    </message>
    <message>
        <source>Size of the on-disk cache; 0 = no disk cache.</source>
        <translation>Größe des Caches auf der Festplatte; 0 = kein Festplatten-Cache.</translation>
    </message>
    <message>
        <source>Entry lifetime</source>
        <translation>Lebensdauer der Einträge</translation>
    </message>
    <message>
        <source>Age after which a cached reply is no longer used; 0 = forever.</source>
        <translation>Alter, ab dem eine zwischengespeicherte Antwort nicht mehr verwendet wird; 0 = unbegrenzt.</translation>
    </message>
    <message>
        <source>Where state and documents are kept.</source>
        <translation>Wo Zustand und Dokumente abgelegt werden.</translation>
    </message>
    <message>
        <source>State directory</source>
        <translation>Zustandsverzeichnis</translation>
    </message>
    <message>
        <source>State directory (database, cache, logs). Empty: the platform&apos;s standard place.</source>
        <translation>Zustandsverzeichnis (Datenbank, Cache, Protokolle). Leer: der Standardort der Plattform.</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Exportordner</translation>
    </message>
    <message>
        <source>Where exported documents go. Empty: ~/Documents/MADF.</source>
        <translation>Wohin exportierte Dokumente kommen. Leer: ~/Documents/MADF.</translation>
    </message>
    <message>
        <source>Prometheus metrics and the rolling performance window.</source>
        <translation>Prometheus-Metriken und das gleitende Leistungsfenster.</translation>
    </message>
    <message>
        <source>Prometheus metrics</source>
        <translation>Prometheus-Metriken</translation>
    </message>
    <message>
        <source>Serve Prometheus text metrics over HTTP.</source>
        <translation>Prometheus-Textmetriken über HTTP bereitstellen.</translation>
    </message>
    <message>
        <source>Metrics port</source>
        <translation>Port für Metriken</translation>
    </message>
    <message>
        <source>Port of the metrics endpoint (on 127.0.0.1).</source>
        <translation>Port des Metrik-Endpunkts (auf 127.0.0.1).</translation>
    </message>
    <message>
        <source>Rolling window</source>
        <translation>Gleitendes Fenster</translation>
    </message>
    <message>
        <source>Documents in the rolling latency/quality window.</source>
        <translation>Dokumente im gleitenden Latenz-/Qualitätsfenster.</translation>
    </message>
</context>
<context>
    <name>Madf::ConfigWriter</name>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>set (hidden)</source>
        <translation>gesetzt (verborgen)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Madf::CostTracker</name>
    <message>
        <source>Document budget of %1 would be exceeded: %2 spent, next call ≈ %3</source>
        <translation>Das Dokumentbudget von %1 würde überschritten: %2 ausgegeben, nächster Aufruf ≈ %3</translation>
    </message>
    <message>
        <source>Batch budget of %1 would be exceeded: %2 spent, next call ≈ %3</source>
        <translation>Das Stapelbudget von %1 würde überschritten: %2 ausgegeben, nächster Aufruf ≈ %3</translation>
    </message>
    <message>
        <source>&lt; $0.0001</source>
        <translation>&lt; $0.0001</translation>
    </message>
</context>
<context>
    <name>Madf::DashboardSeries</name>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>%1 (simulated)</source>
        <translation>%1 (simuliert)</translation>
    </message>
</context>
<context>
    <name>Madf::Document</name>
    <message>
        <source>status: unknown value &quot;%1&quot;</source>
        <translation>status: unbekannter Wert „%1“</translation>
    </message>
    <message>
        <source>Untitled document</source>
        <translation>Unbenanntes Dokument</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Quellen</translation>
    </message>
</context>
<context>
    <name>Madf::DocumentOrchestrator</name>
    <message>
        <source>The metrics endpoint could not listen on port %1: %2</source>
        <translation>Der Metrik-Endpunkt konnte nicht auf Port %1 lauschen: %2</translation>
    </message>
    <message>
        <source>The response cache works in memory only: %1</source>
        <translation>Der Antwort-Cache arbeitet nur im Speicher: %1</translation>
    </message>
    <message>
        <source>The request is invalid: %1</source>
        <translation>Die Anfrage ist ungültig: %1</translation>
    </message>
    <message>
        <source>The workflow for &quot;%1&quot; is invalid: %2</source>
        <translation>Der Ablauf für „%1“ ist ungültig: %2</translation>
    </message>
    <message>
        <source>stored settings of %1</source>
        <translation>gespeicherte Einstellungen von %1</translation>
    </message>
</context>
<context>
    <name>Madf::DocumentRequest</name>
    <message>
        <source>at least %1 characters</source>
        <translation>mindestens %1 Zeichen</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>%1–%2 characters</source>
        <translation>%1–%2 Zeichen</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>ist zu lang</translation>
    </message>
    <message>
        <source>entries are too many</source>
        <translation>sind zu viele Einträge</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <source>an http(s) web address or a file path</source>
        <translation>eine http(s)-Webadresse oder ein Dateipfad</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation>enthält Steuerzeichen</translation>
    </message>
    <message>
        <source>uses a scheme that is not allowed</source>
        <translation>verwendet ein nicht erlaubtes Schema</translation>
    </message>
    <message>
        <source>is not a valid web address</source>
        <translation>ist keine gültige Webadresse</translation>
    </message>
    <message>
        <source>%1: %2 %3 (%4)</source>
        <translation>%1: %2 %3 (%4)</translation>
    </message>
    <message>
        <source>is too short</source>
        <translation>ist zu kurz</translation>
    </message>
    <message>
        <source>letters, digits, &apos;-&apos; and &apos;_&apos; only</source>
        <translation>nur Buchstaben, Ziffern, &apos;-&apos; und &apos;_&apos;</translation>
    </message>
    <message>
        <source>has characters that are not allowed</source>
        <translation>enthält nicht erlaubte Zeichen</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>liegt außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>%1–%2 words</source>
        <translation>%1–%2 Wörter</translation>
    </message>
    <message>
        <source>%1: expected %2, got &quot;%3&quot;</source>
        <translation>%1: erwartet %2, erhalten „%3“</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a list of text</source>
        <translation>eine Liste von Texten</translation>
    </message>
    <message>
        <source>a number of words</source>
        <translation>eine Wortzahl</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
</context>
<context>
    <name>Madf::DocumentRun</name>
    <message>
        <source>The document did not finish within %1 s; the work done so far is kept.</source>
        <translation>Das Dokument wurde nicht innerhalb von %1 s fertig; die bisherige Arbeit bleibt erhalten.</translation>
    </message>
    <message>
        <source>Reference %1 could not be read: %2</source>
        <translation>Quelle %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Stage %1 was skipped: %2</source>
        <translation>Phase %1 wurde übersprungen: %2</translation>
    </message>
    <message>
        <source>Stopped before step %1 to stay within the budget: %2</source>
        <translation>Vor Schritt %1 angehalten, um im Budget zu bleiben: %2</translation>
    </message>
    <message>
        <source>Step %1 (agent %2) failed: %3</source>
        <translation>Schritt %1 (Agent %2) ist fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>Madf::DocumentStatus</name>
    <message>
        <source>Pending</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Researching</source>
        <translation>Recherchiert</translation>
    </message>
    <message>
        <source>Outlining</source>
        <translation>Gliedert</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schreibt</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Lektoriert</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Prüft</translation>
    </message>
    <message>
        <source>Revising</source>
        <translation>Überarbeitet</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>Madf::DocumentStore</name>
    <message>
        <source>start a transaction</source>
        <translation>eine Transaktion beginnen</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>festschreiben</translation>
    </message>
    <message>
        <source>no transaction is open</source>
        <translation>keine Transaktion offen</translation>
    </message>
    <message>
        <source>commit the writes</source>
        <translation>die Schreibvorgänge festschreiben</translation>
    </message>
    <message>
        <source>save document %1</source>
        <translation>Dokument %1 speichern</translation>
    </message>
    <message>
        <source>the document has no id</source>
        <translation>das Dokument hat keine ID</translation>
    </message>
    <message>
        <source>read document %1</source>
        <translation>Dokument %1 lesen</translation>
    </message>
    <message>
        <source>the stored JSON is damaged (%1)</source>
        <translation>das gespeicherte JSON ist beschädigt (%1)</translation>
    </message>
    <message>
        <source>list the documents</source>
        <translation>die Dokumente auflisten</translation>
    </message>
    <message>
        <source>count the documents</source>
        <translation>die Dokumente zählen</translation>
    </message>
    <message>
        <source>find interrupted documents</source>
        <translation>unterbrochene Dokumente finden</translation>
    </message>
    <message>
        <source>delete document %1</source>
        <translation>Dokument %1 löschen</translation>
    </message>
    <message>
        <source>add up the costs</source>
        <translation>die Kosten summieren</translation>
    </message>
    <message>
        <source>save step %1 of document %2</source>
        <translation>Schritt %1 von Dokument %2 speichern</translation>
    </message>
    <message>
        <source>the step has no key</source>
        <translation>der Schritt hat keinen Schlüssel</translation>
    </message>
    <message>
        <source>read the steps of document %1</source>
        <translation>die Schritte von Dokument %1 lesen</translation>
    </message>
    <message>
        <source>read step %1 of document %2</source>
        <translation>Schritt %1 von Dokument %2 lesen</translation>
    </message>
    <message>
        <source>save revision %1 of document %2</source>
        <translation>Überarbeitung %1 von Dokument %2 speichern</translation>
    </message>
    <message>
        <source>read the revisions of document %1</source>
        <translation>die Überarbeitungen von Dokument %1 lesen</translation>
    </message>
    <message>
        <source>read the quality reports of document %1</source>
        <translation>die Qualitätsberichte von Dokument %1 lesen</translation>
    </message>
    <message>
        <source>record a %1 call of document %2</source>
        <translation>einen %1-Aufruf von Dokument %2 aufzeichnen</translation>
    </message>
    <message>
        <source>read the calls of document %1</source>
        <translation>die Aufrufe von Dokument %1 lesen</translation>
    </message>
    <message>
        <source>add up the calls of document %1</source>
        <translation>die Aufrufe von Dokument %1 summieren</translation>
    </message>
    <message>
        <source>add up the calls of batch %1</source>
        <translation>die Aufrufe von Stapel %1 summieren</translation>
    </message>
    <message>
        <source>save a %1 run</source>
        <translation>einen %1-Lauf speichern</translation>
    </message>
    <message>
        <source>read the benchmark runs</source>
        <translation>die Benchmark-Läufe lesen</translation>
    </message>
    <message>
        <source>delete benchmark run %1</source>
        <translation>Benchmark-Lauf %1 löschen</translation>
    </message>
    <message>
        <source>save the status of document %1</source>
        <translation>den Status von Dokument %1 speichern</translation>
    </message>
</context>
<context>
    <name>Madf::EditingAgent</name>
    <message>
        <source>the model call failed</source>
        <translation>der Modellaufruf ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>&quot;notes&quot; must be an array (empty when nothing needs changing)</source>
        <translation>„notes“ muss ein Array sein (leer, wenn nichts zu ändern ist)</translation>
    </message>
    <message>
        <source>&quot;notes&quot;[%1] needs &quot;section&quot; as a whole number (from 1)</source>
        <translation>„notes“[%1] braucht „section“ als ganze Zahl (ab 1)</translation>
    </message>
    <message>
        <source>&quot;notes&quot;[%1].note must be a string</source>
        <translation>„notes“[%1].note muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>there is no section %1 to edit</source>
        <translation>es gibt keinen Abschnitt %1 zum Bearbeiten</translation>
    </message>
    <message>
        <source>the edit of &quot;%1&quot; keeps %2 of its %3 words; refused</source>
        <translation>die Bearbeitung von „%1“ behält %2 seiner %3 Wörter; abgelehnt</translation>
    </message>
</context>
<context>
    <name>Madf::EditingStage</name>
    <message>
        <source>The %1 edit of section %2 was not applied: %3</source>
        <translation>Die Bearbeitung „%1“ von Abschnitt %2 wurde nicht übernommen: %3</translation>
    </message>
</context>
<context>
    <name>Madf::EndpointPool</name>
    <message>
        <source>The provider &apos;%1&apos; was removed.</source>
        <translation>Der Anbieter „%1“ wurde entfernt.</translation>
    </message>
    <message>
        <source>Every replica of provider &apos;%1&apos; is failing (last error: %2); the next try is in %3 s, after this call&apos;s deadline.</source>
        <translation>Alle Replikate des Anbieters „%1“ schlagen fehl (letzter Fehler: %2); der nächste Versuch ist in %3 s, nach der Frist dieses Aufrufs.</translation>
    </message>
    <message>
        <source>The provider &apos;%1&apos; has no base URL.</source>
        <translation>Der Anbieter „%1“ hat keine Basis-URL.</translation>
    </message>
</context>
<context>
    <name>Madf::FieldSpec</name>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a whole number %1</source>
        <translation>eine ganze Zahl %1</translation>
    </message>
    <message>
        <source>a number %1</source>
        <translation>eine Zahl %1</translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation>einer von: %1</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a list of text values</source>
        <translation>eine Liste von Textwerten</translation>
    </message>
    <message>
        <source>a map of names to text values</source>
        <translation>eine Zuordnung von Namen zu Textwerten</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <source>file %1:%2</source>
        <translation>Datei %1:%2</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation>Umgebung %1</translation>
    </message>
    <message>
        <source>runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>preset %1</source>
        <translation>Voreinstellung %1</translation>
    </message>
</context>
<context>
    <name>Madf::FieldValue</name>
    <message>
        <source>%1 is out of range (allowed: %2)</source>
        <translation>%1 liegt außerhalb des Bereichs (erlaubt: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a boolean (allowed: %2)</source>
        <translation>„%1“ ist kein Wahrheitswert (erlaubt: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number (allowed: %2)</source>
        <translation>„%1“ ist keine ganze Zahl (erlaubt: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number (allowed: %2)</source>
        <translation>„%1“ ist keine Zahl (erlaubt: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed (allowed: %2)</source>
        <translation>„%1“ ist nicht erlaubt (erlaubt: %2)</translation>
    </message>
    <message>
        <source>a map cannot be given as text (allowed: %1)</source>
        <translation>eine Zuordnung kann nicht als Text angegeben werden (erlaubt: %1)</translation>
    </message>
    <message>
        <source>a value is required (allowed: %1)</source>
        <translation>ein Wert ist erforderlich (erlaubt: %1)</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>erwartet: %1</translation>
    </message>
</context>
<context>
    <name>Madf::HttpLlmCall</name>
    <message>
        <source>The provider &apos;%1&apos; is no longer configured.</source>
        <translation>Der Anbieter „%1“ ist nicht mehr konfiguriert.</translation>
    </message>
    <message>
        <source>The stream from %1 broke off before the reply was complete: %2</source>
        <translation>Der Datenstrom von %1 brach ab, bevor die Antwort vollständig war: %2</translation>
    </message>
    <message>
        <source>The stream from %1 ended before the reply was complete.</source>
        <translation>Der Datenstrom von %1 endete, bevor die Antwort vollständig war.</translation>
    </message>
    <message>
        <source>The reply from %1 could not be read: %2</source>
        <translation>Die Antwort von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 s.</source>
        <translation>Keine Verbindung zu %1 innerhalb von %2 s.</translation>
    </message>
    <message>
        <source>%1 sent nothing for %2 s.</source>
        <translation>%1 hat %2 s lang nichts gesendet.</translation>
    </message>
    <message>
        <source>The call did not finish within its deadline of %1 s.</source>
        <translation>Der Aufruf wurde nicht innerhalb seiner Frist von %1 s fertig.</translation>
    </message>
    <message>
        <source>The call was cancelled.</source>
        <translation>Der Aufruf wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Madf::HttpResponseParser</name>
    <message>
        <source>The connection closed before the reply was complete.</source>
        <translation>Die Verbindung wurde geschlossen, bevor die Antwort vollständig war.</translation>
    </message>
    <message>
        <source>The reply&apos;s headers are larger than %1 KiB.</source>
        <translation>Die Kopfzeilen der Antwort sind größer als %1 KiB.</translation>
    </message>
    <message>
        <source>The reply does not start with an HTTP/1.x status line.</source>
        <translation>Die Antwort beginnt nicht mit einer HTTP/1.x-Statuszeile.</translation>
    </message>
    <message>
        <source>The reply has a malformed header line.</source>
        <translation>Die Antwort enthält eine fehlerhafte Kopfzeile.</translation>
    </message>
    <message>
        <source>The server switched protocols, which was not asked for.</source>
        <translation>Der Server hat unaufgefordert das Protokoll gewechselt.</translation>
    </message>
    <message>
        <source>The reply has an invalid Content-Length.</source>
        <translation>Die Antwort hat eine ungültige Content-Length.</translation>
    </message>
    <message>
        <source>The reply has a malformed chunk.</source>
        <translation>Die Antwort enthält einen fehlerhaften Chunk.</translation>
    </message>
    <message>
        <source>The reply&apos;s trailers are larger than %1 KiB.</source>
        <translation>Die Trailer-Felder der Antwort sind größer als %1 KiB.</translation>
    </message>
</context>
<context>
    <name>Madf::JsonReply</name>
    <message>
        <source>invalid JSON: trailing comma before &apos;%1&apos; at line %2, column %3</source>
        <translation>ungültiges JSON: überzähliges Komma vor „%1“ in Zeile %2, Spalte %3</translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2: %3 (near &quot;%4&quot;)</source>
        <translation>ungültiges JSON in Zeile %1, Spalte %2: %3 (bei „%4“)</translation>
    </message>
    <message>
        <source>the JSON starting at line %1, column %2 is never closed (was the reply cut off?)</source>
        <translation>das JSON ab Zeile %1, Spalte %2 wird nie geschlossen (wurde die Antwort abgeschnitten?)</translation>
    </message>
    <message>
        <source>the reply is empty</source>
        <translation>die Antwort ist leer</translation>
    </message>
    <message>
        <source>the reply holds only reasoning, no answer</source>
        <translation>die Antwort enthält nur Reasoning, keine Antwort</translation>
    </message>
    <message>
        <source>the reply contains no JSON object</source>
        <translation>die Antwort enthält kein JSON-Objekt</translation>
    </message>
    <message>
        <source>expected a JSON object, got %1</source>
        <translation>erwartet wurde ein JSON-Objekt, erhalten: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing (a number from 0 to 1 is required)</source>
        <translation>„%1“ fehlt (eine Zahl von 0 bis 1 ist erforderlich)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, not a number from 0 to 1</source>
        <translation>„%1“ ist %2, keine Zahl von 0 bis 1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, outside the range 0 to 1</source>
        <translation>„%1“ ist %2, außerhalb des Bereichs 0 bis 1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing (a list of strings is required)</source>
        <translation>„%1“ fehlt (eine Liste von Zeichenketten ist erforderlich)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, not a list of strings</source>
        <translation>„%1“ ist %2, keine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>&quot;%1&quot;[%2] is %3, not a string</source>
        <translation>„%1“[%2] ist %3, keine Zeichenkette</translation>
    </message>
</context>
<context>
    <name>Madf::LlmClient</name>
    <message>
        <source>No provider named &apos;%1&apos; is configured: add it under `providers:` or choose another provider.</source>
        <translation>Kein Anbieter namens „%1“ ist konfiguriert: Fügen Sie ihn unter `providers:` hinzu oder wählen Sie einen anderen Anbieter.</translation>
    </message>
    <message>
        <source>Provider &apos;%1&apos; uses the API &apos;%2&apos;, which is not supported (use openai, anthropic or simulated).</source>
        <translation>Der Anbieter „%1“ verwendet die API „%2“, die nicht unterstützt wird (verwenden Sie openai, anthropic oder simulated).</translation>
    </message>
    <message>
        <source>Provider &apos;%1&apos; has no base URL: set providers.%1.base_url.</source>
        <translation>Der Anbieter „%1“ hat keine Basis-URL: Setzen Sie providers.%1.base_url.</translation>
    </message>
    <message>
        <source>Provider &apos;%1&apos; needs an API key: set the environment variable %2 (or mark the provider local).</source>
        <translation>Der Anbieter „%1“ braucht einen API-Schlüssel: Setzen Sie die Umgebungsvariable %2 (oder kennzeichnen Sie den Anbieter als lokal).</translation>
    </message>
</context>
<context>
    <name>Madf::LlmErrorKind</name>
    <message>
        <source>The provider did not answer in time. Retried automatically; if it keeps happening, raise the timeout or check that the endpoint is up.</source>
        <translation>Der Anbieter hat nicht rechtzeitig geantwortet. Automatisch wiederholt; passiert das weiterhin, erhöhen Sie das Zeitlimit oder prüfen Sie, ob der Endpunkt läuft.</translation>
    </message>
    <message>
        <source>The provider&apos;s rate limit was reached. Retried after the delay it asked for; if it persists, run fewer agents at once.</source>
        <translation>Das Ratenlimit des Anbieters wurde erreicht. Nach der verlangten Wartezeit wiederholt; hält das an, lassen Sie weniger Agenten gleichzeitig laufen.</translation>
    </message>
    <message>
        <source>Your account is out of credit or over its spending limit: check billing with the provider. Not retried.</source>
        <translation>Ihr Konto hat kein Guthaben mehr oder sein Ausgabenlimit überschritten: Prüfen Sie die Abrechnung beim Anbieter. Nicht wiederholt.</translation>
    </message>
    <message>
        <source>The provider rejected the API key: check the key configured for this provider. Not retried.</source>
        <translation>Der Anbieter hat den API-Schlüssel abgelehnt: Prüfen Sie den für diesen Anbieter konfigurierten Schlüssel. Nicht wiederholt.</translation>
    </message>
    <message>
        <source>The key is not allowed to use this model or endpoint: check its permissions with the provider. Not retried.</source>
        <translation>Der Schlüssel darf dieses Modell oder diesen Endpunkt nicht nutzen: Prüfen Sie seine Berechtigungen beim Anbieter. Nicht wiederholt.</translation>
    </message>
    <message>
        <source>The model or endpoint does not exist: check the model name and the base URL. Not retried.</source>
        <translation>Das Modell oder der Endpunkt existiert nicht: Prüfen Sie den Modellnamen und die Basis-URL. Nicht wiederholt.</translation>
    </message>
    <message>
        <source>The provider rejected the request (an unsupported parameter, or a prompt too long): check the model&apos;s options. Not retried.</source>
        <translation>Der Anbieter hat die Anfrage abgelehnt (ein nicht unterstützter Parameter oder ein zu langer Prompt): Prüfen Sie die Optionen des Modells. Nicht wiederholt.</translation>
    </message>
    <message>
        <source>The provider had an internal error. Retried automatically.</source>
        <translation>Beim Anbieter ist ein interner Fehler aufgetreten. Automatisch wiederholt.</translation>
    </message>
    <message>
        <source>The provider is overloaded. Retried automatically; if it persists, try later or use another model.</source>
        <translation>Der Anbieter ist überlastet. Automatisch wiederholt; hält das an, versuchen Sie es später oder nehmen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>The provider could not be reached (connection refused, DNS or TLS failure): check the base URL and the network.</source>
        <translation>Der Anbieter war nicht erreichbar (Verbindung abgewiesen, DNS- oder TLS-Fehler): Prüfen Sie die Basis-URL und das Netzwerk.</translation>
    </message>
    <message>
        <source>The reply could not be understood: check that the endpoint speaks the configured API (openai or anthropic).</source>
        <translation>Die Antwort war nicht verständlich: Prüfen Sie, ob der Endpunkt die konfigurierte API spricht (openai oder anthropic).</translation>
    </message>
    <message>
        <source>The request was cancelled. Not retried and not billed.</source>
        <translation>Die Anfrage wurde abgebrochen. Nicht wiederholt und nicht berechnet.</translation>
    </message>
    <message>
        <source>No usable provider is configured for this agent: add the provider and its API key in the settings.</source>
        <translation>Für diesen Agenten ist kein nutzbarer Anbieter konfiguriert: Fügen Sie den Anbieter und seinen API-Schlüssel in den Einstellungen hinzu.</translation>
    </message>
</context>
<context>
    <name>Madf::LocalServerDetector</name>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>llama.cpp server</source>
        <translation>llama.cpp-Server</translation>
    </message>
    <message>
        <source>LM Studio</source>
        <translation>LM Studio</translation>
    </message>
    <message>
        <source>vLLM</source>
        <translation>vLLM</translation>
    </message>
</context>
<context>
    <name>Madf::MemorySecretStore</name>
    <message>
        <source>memory (this session only)</source>
        <translation>Arbeitsspeicher (nur diese Sitzung)</translation>
    </message>
</context>
<context>
    <name>Madf::ModelRubric</name>
    <message>
        <source>%1 is not a score from 0 to 1</source>
        <translation>%1 ist keine Bewertung von 0 bis 1</translation>
    </message>
    <message>
        <source>claims[%1] has no text or an unknown verdict</source>
        <translation>claims[%1] hat keinen Text oder ein unbekanntes Urteil</translation>
    </message>
</context>
<context>
    <name>Madf::Presets</name>
    <message>
        <source>preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>no preset named &quot;%1&quot; (available: %2)</source>
        <translation>keine Voreinstellung namens „%1“ (verfügbar: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid preset name (letters, digits, &apos;-&apos; and &apos;_&apos;, at most 64)</source>
        <translation>„%1“ ist kein gültiger Name für eine Voreinstellung (Buchstaben, Ziffern, &apos;-&apos; und &apos;_&apos;, höchstens 64)</translation>
    </message>
    <message>
        <source>User preset %1</source>
        <translation>Eigene Voreinstellung %1</translation>
    </message>
</context>
<context>
    <name>Madf::Pricing</name>
    <message>
        <source>pricing.%1: a model the built-in table does not know needs both input and output prices; ignored</source>
        <translation>pricing.%1: Ein Modell, das die eingebaute Tabelle nicht kennt, braucht Eingabe- und Ausgabepreis; ignoriert</translation>
    </message>
</context>
<context>
    <name>Madf::PricingTable</name>
    <message>
        <source>missing; add &quot;unit: %1&quot; so that no price can be misread</source>
        <translation>fehlt; ergänzen Sie „unit: %1“, damit kein Preis falsch gelesen wird</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a unit this program knows; write &quot;USD per 1M tokens&quot; (or &quot;USD per 1K tokens&quot;)</source>
        <translation>„%1“ ist keine diesem Programm bekannte Einheit; schreiben Sie „USD per 1M tokens“ (oder „USD per 1K tokens“)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number; give a price in USD per 1M tokens, e.g. 2.50</source>
        <translation>„%1“ ist keine Zahl; geben Sie einen Preis in USD pro 1 Mio. Tokens an, z. B. 2.50</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is negative; a price must be 0 or more</source>
        <translation>„%1“ ist negativ; ein Preis muss 0 oder mehr sein</translation>
    </message>
    <message>
        <source>a model name may only end in &apos;*&apos; (a prefix), not contain it elsewhere</source>
        <translation>ein Modellname darf nur auf &apos;*&apos; enden (ein Präfix), es aber nicht an anderer Stelle enthalten</translation>
    </message>
    <message>
        <source>expected the prices as a map, e.g. {input: 2.50, output: 10.00}</source>
        <translation>erwartet werden die Preise als Zuordnung, z. B. {input: 2.50, output: 10.00}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false</source>
        <translation>„%1“ ist weder true noch false</translation>
    </message>
    <message>
        <source>only a prefix rule (a name ending in &apos;*&apos;) can imitate</source>
        <translation>nur eine Präfixregel (ein Name, der auf &apos;*&apos; endet) kann imitate verwenden</translation>
    </message>
    <message>
        <source>unknown key; expected input, cached_input, cache_write, output or imitate</source>
        <translation>unbekannter Schlüssel; erwartet: input, cached_input, cache_write, output oder imitate</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation>„%1“ fehlt</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>kein gültiges YAML: %1</translation>
    </message>
    <message>
        <source>expected a map with the keys &quot;unit&quot; and &quot;models&quot;</source>
        <translation>erwartet wird eine Zuordnung mit den Schlüsseln „unit“ und „models“</translation>
    </message>
    <message>
        <source>unknown key; expected &quot;unit&quot; or &quot;models&quot;</source>
        <translation>unbekannter Schlüssel; erwartet: „unit“ oder „models“</translation>
    </message>
    <message>
        <source>missing or not a map of model name to prices</source>
        <translation>fehlt oder ist keine Zuordnung von Modellnamen zu Preisen</translation>
    </message>
    <message>
        <source>given twice (first on line %1)</source>
        <translation>doppelt angegeben (zuerst in Zeile %1)</translation>
    </message>
    <message>
        <source>%1 (override)</source>
        <translation>%1 (überschrieben)</translation>
    </message>
    <message>
        <source>local provider</source>
        <translation>lokaler Anbieter</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1 als %2</translation>
    </message>
</context>
<context>
    <name>Madf::PrometheusExporter</name>
    <message>
        <source>Cannot serve metrics on %1:%2: %3</source>
        <translation>Metriken können nicht auf %1:%2 bereitgestellt werden: %3</translation>
    </message>
</context>
<context>
    <name>Madf::ProviderProbe</name>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>%1 nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>Madf::QnamExchange</name>
    <message>
        <source>The network manager is gone.</source>
        <translation>Der Netzwerkmanager existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>Madf::QualityChecks</name>
    <message>
        <source>Section &apos;%1&apos; cites %2, but no sources are available</source>
        <translation>Abschnitt „%1“ zitiert %2, aber es sind keine Quellen vorhanden</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; cites %2, but the only source is [1]</source>
        <translation>Abschnitt „%1“ zitiert %2, aber die einzige Quelle ist [1]</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; cites %2, but only sources [1]–[%3] exist</source>
        <translation>Abschnitt „%1“ zitiert %2, aber es gibt nur die Quellen [1]–[%3]</translation>
    </message>
    <message>
        <source>No citations to resolve</source>
        <translation>Keine Zitate aufzulösen</translation>
    </message>
    <message>
        <source>%1 of %2 citations match one of %3 sources</source>
        <translation>%1 von %2 Zitaten passen zu einer von %3 Quellen</translation>
    </message>
    <message>
        <source>Citations are required, but no sources were available to cite</source>
        <translation>Zitate sind verlangt, aber es standen keine Quellen zum Zitieren bereit</translation>
    </message>
    <message>
        <source>No section cites a source, but this document requires citations</source>
        <translation>Kein Abschnitt zitiert eine Quelle, aber dieses Dokument verlangt Zitate</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; cites no source</source>
        <translation>Abschnitt „%1“ zitiert keine Quelle</translation>
    </message>
    <message>
        <source>%1 of %2 body sections cite a source</source>
        <translation>%1 von %2 Hauptabschnitten zitieren eine Quelle</translation>
    </message>
    <message>
        <source>Claim could not be verified: %1</source>
        <translation>Aussage konnte nicht bestätigt werden: %1</translation>
    </message>
    <message>
        <source>Claim could not be verified: %1 (%2)</source>
        <translation>Aussage konnte nicht bestätigt werden: %1 (%2)</translation>
    </message>
    <message>
        <source>Claim contradicts the research: %1</source>
        <translation>Aussage widerspricht der Recherche: %1</translation>
    </message>
    <message>
        <source>Claim contradicts the research: %1 (%2)</source>
        <translation>Aussage widerspricht der Recherche: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 claims: %2 verified, %3 uncertain, %4 contradicted</source>
        <translation>%1 Aussagen: %2 bestätigt, %3 unsicher, %4 widerlegt</translation>
    </message>
    <message>
        <source>Accuracy %1 as judged by the verification model</source>
        <translation>Genauigkeit %1 laut Prüfmodell</translation>
    </message>
    <message>
        <source>Accuracy not verified by a model: the model&apos;s rubric gave no accuracy score and no claim checks; the score rests on citation checks only</source>
        <translation>Genauigkeit nicht von einem Modell geprüft: Die Bewertung des Modells enthielt weder eine Genauigkeitsbewertung noch Aussagenprüfungen; die Bewertung beruht nur auf den Zitatprüfungen</translation>
    </message>
    <message>
        <source>Accuracy not verified by a model: no usable rubric from the verification model; the scores rest on local measures only</source>
        <translation>Genauigkeit nicht von einem Modell geprüft: keine verwertbare Bewertung vom Prüfmodell; die Bewertungen beruhen nur auf lokalen Messungen</translation>
    </message>
    <message>
        <source>Requirement not covered: %1 (missing: %2)</source>
        <translation>Anforderung nicht erfüllt: %1 (fehlt: %2)</translation>
    </message>
    <message>
        <source>%1 of %2 requirements covered</source>
        <translation>%1 von %2 Anforderungen erfüllt</translation>
    </message>
    <message>
        <source>%1 words for a target of %2 (±10% allowed)</source>
        <translation>%1 Wörter bei einem Ziel von %2 (±10 % erlaubt)</translation>
    </message>
    <message>
        <source>The document has %1 words, %2% short of the %3-word target (±10% allowed)</source>
        <translation>Das Dokument hat %1 Wörter, %2 % unter dem Ziel von %3 Wörtern (±10 % erlaubt)</translation>
    </message>
    <message>
        <source>The document has %1 words, %2% over the %3-word target (±10% allowed)</source>
        <translation>Das Dokument hat %1 Wörter, %2 % über dem Ziel von %3 Wörtern (±10 % erlaubt)</translation>
    </message>
    <message>
        <source>Completeness %1 as judged by the verification model</source>
        <translation>Vollständigkeit %1 laut Prüfmodell</translation>
    </message>
    <message>
        <source>No text to read</source>
        <translation>Kein Text zu lesen</translation>
    </message>
    <message>
        <source>Only %1 words of prose paragraphs (headings, lists, tables and code are not prose); readability was not judged</source>
        <translation>Nur %1 Wörter in Fließtextabsätzen (Überschriften, Listen, Tabellen und Code zählen nicht); die Lesbarkeit wurde nicht bewertet</translation>
    </message>
    <message>
        <source>Flesch Reading Ease %1 (target %2–%3), grade %4 (target %5–%6)</source>
        <translation>Flesch-Lesbarkeit %1 (Ziel %2–%3), Schulstufe %4 (Ziel %5–%6)</translation>
    </message>
    <message>
        <source>Text is too hard for %1: %2</source>
        <translation>Der Text ist zu schwer für %1: %2</translation>
    </message>
    <message>
        <source>Text is too simple for %1: %2</source>
        <translation>Der Text ist zu einfach für %1: %2</translation>
    </message>
    <message>
        <source>; %1 section: &apos;%2&apos; (reading ease %3)</source>
        <translation>; %1 Abschnitt: „%2“ (Lesbarkeit %3)</translation>
    </message>
    <message>
        <source>hardest</source>
        <translation>schwierigster</translation>
    </message>
    <message>
        <source>simplest</source>
        <translation>einfachster</translation>
    </message>
    <message>
        <source>%1 sentences, %2 words on average, variation %3; %4 over %5 words</source>
        <translation>%1 Sätze, im Mittel %2 Wörter, Streuung %3; %4 über %5 Wörter</translation>
    </message>
    <message>
        <source>Sentences are all about the same length (%1 words on average, variation %2); mix short and long ones</source>
        <translation>Die Sätze sind alle etwa gleich lang (im Mittel %1 Wörter, Streuung %2); mischen Sie kurze und lange</translation>
    </message>
    <message>
        <source>%1 of %2 sentences are longer than %3 words; the longest (%4 words) is in &apos;%5&apos;</source>
        <translation>%1 von %2 Sätzen sind länger als %3 Wörter; der längste (%4 Wörter) steht in „%5“</translation>
    </message>
    <message>
        <source>A paragraph of section &apos;%1&apos; repeats one of section &apos;%2&apos;: %3</source>
        <translation>Ein Absatz in Abschnitt „%1“ wiederholt einen aus Abschnitt „%2“: %3</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; repeats the sentence %2</source>
        <translation>Abschnitt „%1“ wiederholt den Satz %2</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; repeats a sentence of section &apos;%2&apos;: %3</source>
        <translation>Abschnitt „%1“ wiederholt einen Satz aus Abschnitt „%2“: %3</translation>
    </message>
    <message>
        <source>No prose to compare</source>
        <translation>Kein Fließtext zum Vergleichen</translation>
    </message>
    <message>
        <source>%1 of %2 prose words repeat earlier text</source>
        <translation>%1 von %2 Wörtern Fließtext wiederholen früheren Text</translation>
    </message>
    <message>
        <source>Coherence %1 as judged by the verification model</source>
        <translation>Kohärenz %1 laut Prüfmodell</translation>
    </message>
    <message>
        <source>Clarity %1 as judged by the verification model</source>
        <translation>Klarheit %1 laut Prüfmodell</translation>
    </message>
    <message>
        <source>Nothing in this dimension could be measured</source>
        <translation>In dieser Dimension ließ sich nichts messen</translation>
    </message>
    <message>
        <source>The model&apos;s %1 score (%2) is outside 0–1 and was ignored</source>
        <translation>Die %1-Bewertung des Modells (%2) liegt außerhalb von 0–1 und wurde ignoriert</translation>
    </message>
    <message>
        <source>an expert audience</source>
        <translation>ein Fachpublikum</translation>
    </message>
    <message>
        <source>beginners</source>
        <translation>Einsteiger</translation>
    </message>
    <message>
        <source>a business audience</source>
        <translation>ein Geschäftspublikum</translation>
    </message>
    <message>
        <source>a general audience</source>
        <translation>ein allgemeines Publikum</translation>
    </message>
    <message>
        <source>No sections are required for a %1</source>
        <translation>Für %1 sind keine Abschnitte vorgeschrieben</translation>
    </message>
    <message>
        <source>Required section &apos;%1&apos; is missing; every %2 needs one</source>
        <translation>Der vorgeschriebene Abschnitt „%1“ fehlt; jedes Dokument vom Typ %2 braucht ihn</translation>
    </message>
    <message>
        <source>%1 of %2 required sections present</source>
        <translation>%1 von %2 vorgeschriebenen Abschnitten vorhanden</translation>
    </message>
    <message>
        <source> (missing: %1)</source>
        <translation> (fehlt: %1)</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; comes after &apos;%2&apos;; it should open the document</source>
        <translation>Abschnitt „%1“ steht nach „%2“; er sollte das Dokument eröffnen</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; comes after &apos;%2&apos;; the introduction should come first</source>
        <translation>Abschnitt „%1“ steht nach „%2“; die Einleitung sollte zuerst kommen</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; is followed by &apos;%2&apos;; the conclusion should come last</source>
        <translation>Auf Abschnitt „%1“ folgt „%2“; der Schluss sollte zuletzt kommen</translation>
    </message>
    <message>
        <source>No introduction or conclusion to place</source>
        <translation>Keine Einleitung und kein Schluss einzuordnen</translation>
    </message>
    <message>
        <source>%1 of %2 placed sections in place</source>
        <translation>%1 von %2 einzuordnenden Abschnitten stehen richtig</translation>
    </message>
    <message>
        <source>Fewer than two body sections to compare</source>
        <translation>Weniger als zwei Hauptabschnitte zum Vergleichen</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; has %2 words, %3% of the average (%4)</source>
        <translation>Abschnitt „%1“ hat %2 Wörter, %3 % des Mittels (%4)</translation>
    </message>
    <message>
        <source>Variation %1 over %2 sections; %3 outside 25–300% of the average</source>
        <translation>Streuung %1 über %2 Abschnitte; %3 außerhalb von 25–300 % des Mittels</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; contains the top-level heading &apos;# %2&apos;; use ### inside sections</source>
        <translation>Abschnitt „%1“ enthält die Überschrift erster Ebene „# %2“; verwenden Sie ### innerhalb von Abschnitten</translation>
    </message>
    <message>
        <source>Heading &apos;%1&apos; in section &apos;%2&apos; skips from level %3 to level %4</source>
        <translation>Überschrift „%1“ in Abschnitt „%2“ springt von Ebene %3 auf Ebene %4</translation>
    </message>
    <message>
        <source>%1 headings inside sections, %2 out of order</source>
        <translation>%1 Überschriften in Abschnitten, %2 in falscher Ebene</translation>
    </message>
    <message>
        <source>A section without a title is empty</source>
        <translation>Ein Abschnitt ohne Titel ist leer</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; is empty</source>
        <translation>Abschnitt „%1“ ist leer</translation>
    </message>
    <message>
        <source>A section of %1 words has no title</source>
        <translation>Ein Abschnitt mit %1 Wörtern hat keinen Titel</translation>
    </message>
    <message>
        <source>Section &apos;%1&apos; contains the placeholder &apos;%2&apos;</source>
        <translation>Abschnitt „%1“ enthält den Platzhalter „%2“</translation>
    </message>
    <message>
        <source>No empty sections or placeholders</source>
        <translation>Keine leeren Abschnitte oder Platzhalter</translation>
    </message>
    <message>
        <source>%1 empty sections or placeholders</source>
        <translation>%1 leere Abschnitte oder Platzhalter</translation>
    </message>
    <message>
        <source>The document has no sections</source>
        <translation>Das Dokument hat keine Abschnitte</translation>
    </message>
</context>
<context>
    <name>Madf::QualityReport</name>
    <message>
        <source>Excellent</source>
        <translation>Ausgezeichnet</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Ausreichend</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Unacceptable</source>
        <translation>Inakzeptabel</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Refine</source>
        <translation>Verfeinern</translation>
    </message>
    <message>
        <source>Revise significantly</source>
        <translation>Gründlich überarbeiten</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Required sections</source>
        <translation>Vorgeschriebene Abschnitte</translation>
    </message>
    <message>
        <source>Section order</source>
        <translation>Reihenfolge der Abschnitte</translation>
    </message>
    <message>
        <source>Section balance</source>
        <translation>Ausgewogenheit der Abschnitte</translation>
    </message>
    <message>
        <source>Heading hierarchy</source>
        <translation>Überschriftenebenen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Readability for the audience</source>
        <translation>Lesbarkeit für die Zielgruppe</translation>
    </message>
    <message>
        <source>Sentence length</source>
        <translation>Satzlänge</translation>
    </message>
    <message>
        <source>Repetition</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Coherence (model)</source>
        <translation>Kohärenz (Modell)</translation>
    </message>
    <message>
        <source>Clarity (model)</source>
        <translation>Klarheit (Modell)</translation>
    </message>
    <message>
        <source>Citations resolve</source>
        <translation>Zitate auflösbar</translation>
    </message>
    <message>
        <source>Sections with citations</source>
        <translation>Abschnitte mit Zitaten</translation>
    </message>
    <message>
        <source>Claims checked (model)</source>
        <translation>Geprüfte Aussagen (Modell)</translation>
    </message>
    <message>
        <source>Accuracy (model)</source>
        <translation>Genauigkeit (Modell)</translation>
    </message>
    <message>
        <source>Requirements covered</source>
        <translation>Erfüllte Anforderungen</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Completeness (model)</source>
        <translation>Vollständigkeit (Modell)</translation>
    </message>
    <message>
        <source>components[%1] is not an object</source>
        <translation>components[%1] ist kein Objekt</translation>
    </message>
    <message>
        <source>findings[%1] is not an object</source>
        <translation>findings[%1] ist kein Objekt</translation>
    </message>
    <message>
        <source>findings[%1] has an unknown severity; read as minor</source>
        <translation>findings[%1] hat einen unbekannten Schweregrad; als gering gelesen</translation>
    </message>
</context>
<context>
    <name>Madf::ReferenceLoader</name>
    <message>
        <source>file not found: %1</source>
        <translation>Datei nicht gefunden: %1</translation>
    </message>
    <message>
        <source>not a file: %1</source>
        <translation>keine Datei: %1</translation>
    </message>
    <message>
        <source>file too large: %1 (%2, at most %3)</source>
        <translation>Datei zu groß: %1 (%2, höchstens %3)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>not a text file: %1 (use .txt, .md or .html)</source>
        <translation>keine Textdatei: %1 (verwenden Sie .txt, .md oder .html)</translation>
    </message>
    <message>
        <source>no text in %1</source>
        <translation>kein Text in %1</translation>
    </message>
    <message>
        <source>invalid URL: %1</source>
        <translation>ungültige URL: %1</translation>
    </message>
    <message>
        <source>no complete answer within %1 s</source>
        <translation>keine vollständige Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>not a text page (%1): only text/* can be used as a source</source>
        <translation>keine Textseite (%1): nur text/* kann als Quelle dienen</translation>
    </message>
    <message>
        <source>page too large (%1, at most %2)</source>
        <translation>Seite zu groß (%1, höchstens %2)</translation>
    </message>
    <message>
        <source>page too large (more than %1)</source>
        <translation>Seite zu groß (mehr als %1)</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation>%1 s lang keine Daten</translation>
    </message>
    <message>
        <source>cannot fetch %1: %2</source>
        <translation>%1 kann nicht abgerufen werden: %2</translation>
    </message>
</context>
<context>
    <name>Madf::ResearchAgent</name>
    <message>
        <source>the model call failed</source>
        <translation>der Modellaufruf ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>expected a JSON object with &quot;questions&quot;</source>
        <translation>erwartet wird ein JSON-Objekt mit „questions“</translation>
    </message>
    <message numerus="yes">
        <source>&quot;questions&quot; holds %n distinct question(s); 3 to 5 are required</source>
        <translation>
            <numerusform>„questions“ enthält %n verschiedene Frage; 3 bis 5 sind erforderlich</numerusform>
            <numerusform>„questions“ enthält %n verschiedene Fragen; 3 bis 5 sind erforderlich</numerusform>
        </translation>
    </message>
    <message>
        <source>the answer is empty</source>
        <translation>die Antwort ist leer</translation>
    </message>
    <message>
        <source>the research brief is empty</source>
        <translation>die Rechercheübersicht ist leer</translation>
    </message>
</context>
<context>
    <name>Madf::ResponseCache</name>
    <message>
        <source>clear the response cache</source>
        <translation>den Antwort-Cache leeren</translation>
    </message>
    <message>
        <source>read the response cache size</source>
        <translation>die Größe des Antwort-Caches lesen</translation>
    </message>
    <message>
        <source>read the response cache</source>
        <translation>den Antwort-Cache lesen</translation>
    </message>
    <message>
        <source>delete an expired response cache entry</source>
        <translation>einen abgelaufenen Eintrag des Antwort-Caches löschen</translation>
    </message>
    <message>
        <source>update the response cache</source>
        <translation>den Antwort-Cache aktualisieren</translation>
    </message>
    <message>
        <source>store a response in the cache</source>
        <translation>eine Antwort im Cache speichern</translation>
    </message>
    <message>
        <source>delete expired response cache entries</source>
        <translation>abgelaufene Einträge des Antwort-Caches löschen</translation>
    </message>
    <message>
        <source>make room in the response cache</source>
        <translation>im Antwort-Cache Platz schaffen</translation>
    </message>
</context>
<context>
    <name>Madf::RunEstimate</name>
    <message>
        <source>The price of model %1 is unknown.</source>
        <translation>Der Preis des Modells %1 ist unbekannt.</translation>
    </message>
    <message>
        <source>Simulated agents cost nothing; their figures are what the imitated models would cost.</source>
        <translation>Simulierte Agenten kosten nichts; ihre Zahlen sind das, was die imitierten Modelle kosten würden.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Workflow %1, about %2 sections: %3 calls (up to %4 with every revision round), %5 tokens in and %6 out, cost %7 (up to %8), about %9 s (up to %10 s).</source>
        <translation>Ablauf %1, etwa %2 Abschnitte: %3 Aufrufe (bis zu %4 mit jeder Überarbeitungsrunde), %5 Tokens hinein und %6 heraus, Kosten %7 (bis zu %8), etwa %9 s (bis zu %10 s).</translation>
    </message>
</context>
<context>
    <name>Madf::SecretStore</name>
    <message>
        <source>To keep a key, put it in an environment variable and choose that variable as the key&apos;s source.</source>
        <translation>Um einen Schlüssel dauerhaft zu nutzen, legen Sie ihn in eine Umgebungsvariable und wählen Sie diese Variable als Quelle des Schlüssels.</translation>
    </message>
    <message>
        <source>To keep this key, set %1 before starting MADF Studio.</source>
        <translation>Um diesen Schlüssel dauerhaft zu nutzen, setzen Sie %1 vor dem Start von MADF Studio.</translation>
    </message>
</context>
<context>
    <name>Madf::SimulatedLlmCall</name>
    <message>
        <source>The call did not finish within its deadline of %1 s.</source>
        <translation>Der Aufruf wurde nicht innerhalb seiner Frist von %1 s fertig.</translation>
    </message>
    <message>
        <source>The call was cancelled.</source>
        <translation>Der Aufruf wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Madf::SimulatedProvider</name>
    <message>
        <source>Unknown simulated fault &apos;%1&apos; (model %2).</source>
        <translation>Unbekannter simulierter Fehler „%1“ (Modell %2).</translation>
    </message>
    <message>
        <source>Simulated %1 fault (model %2).</source>
        <translation>Simulierter Fehler %1 (Modell %2).</translation>
    </message>
</context>
<context>
    <name>Madf::SocketExchange</name>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (von %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 closed the connection without answering.</source>
        <translation>%1 hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>%1 closed the connection before the reply was complete.</source>
        <translation>%1 hat die Verbindung geschlossen, bevor die Antwort vollständig war.</translation>
    </message>
</context>
<context>
    <name>Madf::SqliteConnection</name>
    <message>
        <source>open the database</source>
        <translation>die Datenbank öffnen</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>es wurde kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>set up the database (%1)</source>
        <translation>die Datenbank einrichten (%1)</translation>
    </message>
    <message>
        <source>update the database schema</source>
        <translation>das Datenbankschema aktualisieren</translation>
    </message>
    <message>
        <source>cannot read the schema version</source>
        <translation>die Schemaversion kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the file has schema version %1 but this version of MADF Studio only knows up to %2; it was written by a newer version</source>
        <translation>die Datei hat Schemaversion %1, diese Version von MADF Studio kennt aber nur bis %2; sie wurde von einer neueren Version geschrieben</translation>
    </message>
    <message>
        <source>update the database schema to version %1</source>
        <translation>das Datenbankschema auf Version %1 aktualisieren</translation>
    </message>
    <message>
        <source>the database is not open</source>
        <translation>die Datenbank ist nicht geöffnet</translation>
    </message>
    <message>
        <source>the connection was used from a thread that did not open it</source>
        <translation>die Verbindung wurde aus einem Thread benutzt, der sie nicht geöffnet hat</translation>
    </message>
    <message>
        <source>read the journal mode</source>
        <translation>den Journal-Modus lesen</translation>
    </message>
    <message>
        <source>read the schema version</source>
        <translation>die Schemaversion lesen</translation>
    </message>
    <message>
        <source>%1: could not %2: %3</source>
        <translation>%1: Aktion „%2“ fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>unknown SQLite error</source>
        <translation>unbekannter SQLite-Fehler</translation>
    </message>
    <message>
        <source>read the page size</source>
        <translation>die Seitengröße lesen</translation>
    </message>
</context>
<context>
    <name>Madf::StageTimeline</name>
    <message>
        <source>%1 is %2% of this document&apos;s latency (%3 of %4 on the critical path).</source>
        <translation>%1 macht %2 % der Latenz dieses Dokuments aus (%3 von %4 auf dem kritischen Pfad).</translation>
    </message>
    <message>
        <source>Calls on the critical path waited %1 in queues (%2% of the latency) with at most %3 calls in flight</source>
        <translation>Aufrufe auf dem kritischen Pfad warteten %1 in Warteschlangen (%2 % der Latenz) bei höchstens %3 laufenden Aufrufen</translation>
    </message>
    <message>
        <source>%1: raise max_agents (now %2).</source>
        <translation>%1: Erhöhen Sie max_agents (derzeit %2).</translation>
    </message>
    <message>
        <source> (now %1)</source>
        <translation> (derzeit %1)</translation>
    </message>
    <message>
        <source>%1: raise max_concurrent_tasks%2.</source>
        <translation>%1: Erhöhen Sie max_concurrent_tasks%2.</translation>
    </message>
    <message>
        <source>On average %1 calls were in flight, %2% of max_concurrent_tasks (%3): this document&apos;s stages mostly wait for one another, so raising the limit will not speed it up; generate several documents at once to use the spare capacity.</source>
        <translation>Im Mittel liefen %1 Aufrufe gleichzeitig, %2 % von max_concurrent_tasks (%3): Die Phasen dieses Dokuments warten meist aufeinander, ein höheres Limit beschleunigt es also nicht; erzeugen Sie mehrere Dokumente gleichzeitig, um die freie Kapazität zu nutzen.</translation>
    </message>
    <message>
        <source>%1 of %2 calls were rate limited (429) or retried (%3 retries in all): lower max_concurrent_tasks or add a replica endpoint for %4.</source>
        <translation>%1 von %2 Aufrufen wurden durch ein Ratenlimit gebremst (429) oder wiederholt (insgesamt %3 Wiederholungen): Senken Sie max_concurrent_tasks oder fügen Sie für %4 einen Replikat-Endpunkt hinzu.</translation>
    </message>
    <message>
        <source>%1 is %2% of the latency and its calls on the critical path ran for %3 on %4: use a faster model for the %5 agent.</source>
        <translation>%1 macht %2 % der Latenz aus, und seine Aufrufe auf dem kritischen Pfad liefen %3 auf %4: Verwenden Sie für den Agenten %5 ein schnelleres Modell.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>research</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>outline</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>editing</source>
        <translation>Lektorat</translation>
    </message>
    <message>
        <source>verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>Überarbeitung</translation>
    </message>
    <message>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>Madf::StepCall</name>
    <message>
        <source>Batch budget of %1 would be exceeded: %2 spent, %3 in calls under way, next call ≈ %4</source>
        <translation>Das Stapelbudget von %1 würde überschritten: %2 ausgegeben, %3 in laufenden Aufrufen, nächster Aufruf ≈ %4</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::BenchmarkChart</name>
    <message>
        <source>Quality against cost per document (point size: average latency)</source>
        <translation>Qualität gegen Kosten pro Dokument (Punktgröße: mittlere Latenz)</translation>
    </message>
    <message>
        <source>Cost per document (USD)</source>
        <translation>Kosten pro Dokument (USD)</translation>
    </message>
    <message>
        <source>Run a benchmark to compare configurations: each run becomes a point, its quality against its cost per document, larger when it was slower. The best trade-off sits top left with a small point.</source>
        <translation>Starten Sie einen Benchmark, um Konfigurationen zu vergleichen: Jeder Lauf wird ein Punkt, seine Qualität gegen seine Kosten pro Dokument, größer, wenn er langsamer war. Der beste Kompromiss liegt oben links mit kleinem Punkt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 of %3&lt;br&gt;%4&lt;br&gt;quality %5% · $%6 per document · %7 s average latency · %8 docs/hour</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 von %3&lt;br&gt;%4&lt;br&gt;Qualität %5 % · $%6 pro Dokument · %7 s mittlere Latenz · %8 Dokumente/Stunde</translation>
    </message>
    <message>
        <source>Quality (%)</source>
        <translation>Qualität (%)</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::BenchmarkPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Benchmark: documents one after another</source>
        <translation>Benchmark: Dokumente nacheinander</translation>
    </message>
    <message>
        <source>Load test: documents all at once</source>
        <translation>Lasttest: Dokumente alle gleichzeitig</translation>
    </message>
    <message>
        <source>Every document of the run is an article of about 1000 words on this topic, as in the performance guide&apos;s benchmark.</source>
        <translation>Jedes Dokument des Laufs ist ein Artikel von etwa 1000 Wörtern zu diesem Thema, wie im Benchmark des Leistungsleitfadens.</translation>
    </message>
    <message>
        <source>Nothing (run A only)</source>
        <translation>Nichts (nur A ausführen)</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>Voreinstellung: %1</translation>
    </message>
    <message>
        <source>A YAML file…</source>
        <translation>Eine YAML-Datei …</translation>
    </message>
    <message>
        <source>B is configuration A with the preset&apos;s or the file&apos;s values on top; A and B run one after the other with the same test, so their figures compare.</source>
        <translation>B ist Konfiguration A mit den Werten der Voreinstellung oder der Datei darüber; A und B laufen nacheinander mit demselben Test, damit ihre Zahlen vergleichbar sind.</translation>
    </message>
    <message>
        <source>&amp;Test:</source>
        <translation>&amp;Test:</translation>
    </message>
    <message>
        <source>T&amp;opic:</source>
        <translation>T&amp;hema:</translation>
    </message>
    <message>
        <source>Configuration A:</source>
        <translation>Konfiguration A:</translation>
    </message>
    <message>
        <source>Compare &amp;with (B):</source>
        <translation>&amp;Vergleichen mit (B):</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>%v of %m documents</source>
        <translation>%v von %m Dokumenten</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Avg latency</source>
        <translation>Mittl. Latenz</translation>
    </message>
    <message>
        <source>Std latency</source>
        <translation>Std.-Abw. Latenz</translation>
    </message>
    <message>
        <source>Avg quality</source>
        <translation>Mittl. Qualität</translation>
    </message>
    <message>
        <source>Docs/hour</source>
        <translation>Dok./Stunde</translation>
    </message>
    <message>
        <source>Successes</source>
        <translation>Erfolge</translation>
    </message>
    <message>
        <source>Cost/doc</source>
        <translation>Kosten/Dok.</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Avg time/doc</source>
        <translation>Mittl. Zeit/Dok.</translation>
    </message>
    <message>
        <source>3600 / the average time per document. Benchmark: the average latency; load test: the total time divided by the documents.</source>
        <translation>3600 / mittlere Zeit pro Dokument. Benchmark: die mittlere Latenz; Lasttest: die Gesamtzeit geteilt durch die Dokumente.</translation>
    </message>
    <message>
        <source>A document that was never scored counts 0.</source>
        <translation>Ein nie bewertetes Dokument zählt 0.</translation>
    </message>
    <message>
        <source>Sample standard deviation of the latencies.</source>
        <translation>Stichproben-Standardabweichung der Latenzen.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Save every run in the table as CSV or JSON</source>
        <translation>Alle Läufe der Tabelle als CSV oder JSON speichern</translation>
    </message>
    <message>
        <source>Choose a test and press Run. Documents made by a run are kept in the history.</source>
        <translation>Wählen Sie einen Test und klicken Sie auf Starten. Die Dokumente eines Laufs bleiben im Verlauf erhalten.</translation>
    </message>
    <message>
        <source>the current settings: %1</source>
        <translation>die aktuellen Einstellungen: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Configuration B</source>
        <translation>Konfiguration B</translation>
    </message>
    <message>
        <source>MADF configuration (*.yaml *.yml)</source>
        <translation>MADF-Konfiguration (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Documents at &amp;once:</source>
        <translation>&amp;Gleichzeitige Dokumente:</translation>
    </message>
    <message>
        <source>&amp;Iterations:</source>
        <translation>&amp;Durchläufe:</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>Configuration B cannot be used: %1</source>
        <translation>Konfiguration B ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>preset: %1</source>
        <translation>Voreinstellung: %1</translation>
    </message>
    <message>
        <source>Running %1 (%2 of %3): %4 of %5…</source>
        <translation>%1 läuft (%2 von %3): %4 von %5 …</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n document(s); a cancelled run is not kept.</source>
        <translation>
            <numerusform>Nach %n Dokument abgebrochen; ein abgebrochener Lauf wird nicht aufbewahrt.</numerusform>
            <numerusform>Nach %n Dokumenten abgebrochen; ein abgebrochener Lauf wird nicht aufbewahrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The engine did not start: %1</source>
        <translation>Die Engine ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>The run was not saved: the database could not be written.</source>
        <translation>Der Lauf wurde nicht gespeichert: Die Datenbank konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export benchmark runs</source>
        <translation>Benchmark-Läufe exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n run(s) to %1</source>
        <translation>
            <numerusform>%n Lauf nach %1 exportiert</numerusform>
            <numerusform>%n Läufe nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of %3 succeeded, %4 docs/hour, quality %5%</source>
        <translation>%1: %2 von %3 erfolgreich, %4 Dokumente/Stunde, Qualität %5 %</translation>
    </message>
    <message>
        <source>Done. %1.</source>
        <translation>Fertig. %1.</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ChartUtil</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ComposerPanel</name>
    <message>
        <source>What the document is about (at least 5 characters)</source>
        <translation>Worum es in dem Dokument geht (mindestens 5 Zeichen)</translation>
    </message>
    <message>
        <source> words</source>
        <translation> Wörter</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Länge:</translation>
    </message>
    <message>
        <source>&amp;Audience:</source>
        <translation>&amp;Zielgruppe:</translation>
    </message>
    <message>
        <source>requirement</source>
        <translation>Anforderung</translation>
    </message>
    <message>
        <source>&amp;Requirements:</source>
        <translation>An&amp;forderungen:</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>R&amp;eferences:</source>
        <translation>&amp;Quellen:</translation>
    </message>
    <message>
        <source>Optional: one section title per line</source>
        <translation>Optional: ein Abschnittstitel pro Zeile</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>E&amp;rstellen</translation>
    </message>
    <message>
        <source>Generate the document (Ctrl+Return)</source>
        <translation>Das Dokument erstellen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Ty&amp;pe:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <source>St&amp;yle:</source>
        <translation>&amp;Stil:</translation>
    </message>
    <message>
        <source>T&amp;opic:</source>
        <translation>&amp;Thema:</translation>
    </message>
    <message>
        <source>O&amp;utline:</source>
        <translation>&amp;Gliederung:</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ConnectionTest</name>
    <message numerus="yes">
        <source>Connected to %1: key accepted, answered in %2 ms, %n model(s) offered.</source>
        <translation>
            <numerusform>Verbunden mit %1: Schlüssel akzeptiert, Antwort in %2 ms, %n Modell angeboten.</numerusform>
            <numerusform>Verbunden mit %1: Schlüssel akzeptiert, Antwort in %2 ms, %n Modelle angeboten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation>Nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Not reachable. %1</source>
        <translation>Nicht erreichbar. %1</translation>
    </message>
    <message>
        <source>%1 answered in %2 ms</source>
        <translation>%1 hat in %2 ms geantwortet</translation>
    </message>
    <message>
        <source>%1 answered</source>
        <translation>%1 hat geantwortet</translation>
    </message>
    <message>
        <source>%1, but no API key is set. %2</source>
        <translation>%1, aber es ist kein API-Schlüssel gesetzt. %2</translation>
    </message>
    <message>
        <source>%1, but the key was refused (%2): %3</source>
        <translation>%1, aber der Schlüssel wurde abgelehnt (%2): %3</translation>
    </message>
    <message>
        <source>%1, but: %2 (%3)</source>
        <translation>%1, aber: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::CostPage</name>
    <message>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <source>Nothing spent in %1: the calls were free, cached or of unknown price.</source>
        <translation>Nichts ausgegeben in %1: Die Aufrufe waren kostenlos, aus dem Cache oder ohne bekannten Preis.</translation>
    </message>
    <message>
        <source>No model calls yet — costs appear as agents call models.</source>
        <translation>Noch keine Modellaufrufe – Kosten erscheinen, sobald Agenten Modelle aufrufen.</translation>
    </message>
    <message>
        <source>Cumulative cost by model: %1</source>
        <translation>Kumulierte Kosten nach Modell: %1</translation>
    </message>
    <message>
        <source>Cumulative cost by agent: %1</source>
        <translation>Kumulierte Kosten nach Agent: %1</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::DashboardPage</name>
    <message>
        <source>No documents finished in %1 — choose a longer window.</source>
        <translation>Keine Dokumente fertig in %1 – wählen Sie ein längeres Zeitfenster.</translation>
    </message>
    <message>
        <source>No model calls in %1 — choose a longer window.</source>
        <translation>Keine Modellaufrufe in %1 – wählen Sie ein längeres Zeitfenster.</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::DashboardPanel</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitfenster:</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>This run</source>
        <translation>Dieser Programmlauf</translation>
    </message>
    <message>
        <source>All from history</source>
        <translation>Alles aus dem Verlauf</translation>
    </message>
    <message>
        <source>Time span the charts show</source>
        <translation>Zeitraum, den die Diagramme zeigen</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG …</translation>
    </message>
    <message>
        <source>Save the charts of this tab as a PNG image</source>
        <translation>Die Diagramme dieses Reiters als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV …</translation>
    </message>
    <message>
        <source>Export every metric of this window as CSV</source>
        <translation>Alle Metriken dieses Zeitfensters als CSV exportieren</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON …</translation>
    </message>
    <message>
        <source>Export every metric of this window as JSON</source>
        <translation>Alle Metriken dieses Zeitfensters als JSON exportieren</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Erstes Token</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Cache &amp;&amp; throughput</source>
        <translation>Cache &amp;&amp; Durchsatz</translation>
    </message>
    <message>
        <source>Errors &amp;&amp; queueing</source>
        <translation>Fehler &amp;&amp; Wartezeiten</translation>
    </message>
    <message>
        <source>History not loaded: %1</source>
        <translation>Verlauf nicht geladen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message>
        <source>latency p50 %1 · p95 %2</source>
        <translation>Latenz p50 %1 · p95 %2</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message>
        <source>cache %1%</source>
        <translation>Cache %1 %</translation>
    </message>
    <message>
        <source>%1 docs/h</source>
        <translation>%1 Dok./h</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message numerus="yes">
        <source>%n failed call(s)</source>
        <translation>
            <numerusform>%n fehlgeschlagener Aufruf</numerusform>
            <numerusform>%n fehlgeschlagene Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>loading history…</source>
        <translation>Verlauf wird geladen …</translation>
    </message>
    <message>
        <source>the last 5 minutes</source>
        <translation>den letzten 5 Minuten</translation>
    </message>
    <message>
        <source>the last hour</source>
        <translation>der letzten Stunde</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>diesem Programmlauf</translation>
    </message>
    <message>
        <source>the history</source>
        <translation>dem Verlauf</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export dashboard</source>
        <translation>Dashboard exportieren</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::DocumentExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html);;PDF (*.pdf);;OpenDocument text (*.odt)</source>
        <translation>Markdown (*.md);;HTML (*.html);;PDF (*.pdf);;OpenDocument-Text (*.odt)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::DocumentView</name>
    <message>
        <source>No document</source>
        <translation>Kein Dokument</translation>
    </message>
    <message>
        <source>Document status</source>
        <translation>Dokumentstatus</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the document as Markdown</source>
        <translation>Das Dokument als Markdown kopieren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Export as Markdown, HTML, PDF or ODT</source>
        <translation>Als Markdown, HTML, PDF oder ODT exportieren</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop this document; the work done so far is kept</source>
        <translation>Dieses Dokument anhalten; die bisherige Arbeit bleibt erhalten</translation>
    </message>
    <message>
        <source>Text being written</source>
        <translation>Entstehender Text</translation>
    </message>
    <message>
        <source>Rendered document</source>
        <translation>Dargestelltes Dokument</translation>
    </message>
    <message>
        <source>Markdown source</source>
        <translation>Markdown-Quelltext</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2 · %n tokens · %3</source>
        <translation>
            <numerusform>%1 – %2 · %n Token · %3</numerusform>
            <numerusform>%1 – %2 · %n Tokens · %3</numerusform>
        </translation>
    </message>
    <message>
        <source> · quality %1</source>
        <translation> · Qualität %1</translation>
    </message>
    <message>
        <source> · revision %1</source>
        <translation> · Überarbeitung %1</translation>
    </message>
    <message>
        <source> · threshold not met</source>
        <translation> · Schwelle nicht erreicht</translation>
    </message>
    <message>
        <source>Unknown file type: use .md, .html, .pdf or .odt</source>
        <translation>Unbekannter Dateityp: Verwenden Sie .md, .html, .pdf oder .odt</translation>
    </message>
    <message>
        <source>Export document</source>
        <translation>Dokument exportieren</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::EndpointsPage</name>
    <message>
        <source>closed (healthy)</source>
        <translation>geschlossen (gesund)</translation>
    </message>
    <message>
        <source>open (skipped)</source>
        <translation>offen (übersprungen)</translation>
    </message>
    <message>
        <source>half-open (probing)</source>
        <translation>halb offen (Probeaufruf)</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>not announced</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>; next call waits %1 s</source>
        <translation>; der nächste Aufruf wartet %1 s</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>In flight / limit</source>
        <translation>Laufend / Grenze</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Schutzschalter</translation>
    </message>
    <message>
        <source>Failures in a row</source>
        <translation>Fehler in Folge</translation>
    </message>
    <message>
        <source>Rate budget left</source>
        <translation>Verbleibendes Ratenbudget</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Calls running on this endpoint against its limit now: max_in_flight, halved while the provider answers 429 or overloaded, and raised again as calls succeed</source>
        <translation>Laufende Aufrufe an diesem Endpunkt gegen seine aktuelle Grenze: max_in_flight, halbiert, solange der Anbieter mit 429 oder Überlastung antwortet, und wieder angehoben, sobald Aufrufe gelingen</translation>
    </message>
    <message>
        <source>Calls of this provider waiting for a free slot</source>
        <translation>Aufrufe dieses Anbieters, die auf einen freien Platz warten</translation>
    </message>
    <message>
        <source>The circuit breaker: open after repeated failures, so calls go to the provider&apos;s other endpoints until a probe succeeds</source>
        <translation>Der Schutzschalter: nach wiederholten Fehlern offen, sodass Aufrufe an die anderen Endpunkte des Anbieters gehen, bis ein Probeaufruf gelingt</translation>
    </message>
    <message>
        <source>What the provider&apos;s rate-limit headers said was left, and how long a new call would wait for it</source>
        <translation>Was die Ratenlimit-Header des Anbieters als verbleibend angaben, und wie lange ein neuer Aufruf darauf warten würde</translation>
    </message>
    <message>
        <source>No HTTP provider has been called yet. Once a document calls one (OpenAI, Anthropic, Ollama, a llama.cpp or vLLM server…), each of its endpoints shows here with its load, limits, circuit breaker and rate budget. The simulated provider runs in the app and has no endpoints.</source>
        <translation>Noch wurde kein HTTP-Anbieter aufgerufen. Sobald ein Dokument einen aufruft (OpenAI, Anthropic, Ollama, einen llama.cpp- oder vLLM-Server…), erscheint hier jeder seiner Endpunkte mit Last, Grenzen, Schutzschalter und Ratenbudget. Der simulierte Anbieter läuft in der App und hat keine Endpunkte.</translation>
    </message>
    <message>
        <source>%1 / %2 (max %3)</source>
        <translation>%1 / %2 (max. %3)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Endpoints: %1 · providers: %2 · calls in flight: %3</source>
        <translation>Endpunkte: %1 · Anbieter: %2 · laufende Aufrufe: %3</translation>
    </message>
    <message>
        <source>circuits not closed: %1 (their calls go to the other endpoints)</source>
        <translation>nicht geschlossene Schutzschalter: %1 (ihre Aufrufe gehen an die anderen Endpunkte)</translation>
    </message>
    <message>
        <source>Endpoints of the model providers</source>
        <translation>Endpunkte der Modellanbieter</translation>
    </message>
    <message>
        <source>One row per endpoint: its load, limits, circuit breaker and rate budget</source>
        <translation>Eine Zeile je Endpunkt: Last, Grenzen, Schutzschalter und Ratenbudget</translation>
    </message>
    <message>
        <source>Provider queue</source>
        <translation>Warteschlange des Anbieters</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ErrorsPage</name>
    <message>
        <source>Failed calls</source>
        <translation>Fehlgeschlagene Aufrufe</translation>
    </message>
    <message>
        <source>Error kind</source>
        <translation>Fehlerart</translation>
    </message>
    <message>
        <source>Queued (s)</source>
        <translation>Wartezeit (s)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Time each call waited before it was sent: for a free agent, a concurrency slot (max_concurrent_tasks), the provider&apos;s rate limits, and retry back-off.</source>
        <translation>Zeit, die jeder Aufruf vor dem Senden wartete: auf einen freien Agenten, einen Parallelitätsplatz (max_concurrent_tasks), die Ratenlimits des Anbieters und die Pause vor Wiederholungen.</translation>
    </message>
    <message>
        <source>No model calls yet — failed calls and time queued on limits appear as documents run.</source>
        <translation>Noch keine Modellaufrufe – fehlgeschlagene Aufrufe und Wartezeiten an Limits erscheinen, während Dokumente laufen.</translation>
    </message>
    <message>
        <source>No failed calls in %1: all %2 calls succeeded.</source>
        <translation>Keine fehlgeschlagenen Aufrufe in %1: Alle %2 Aufrufe waren erfolgreich.</translation>
    </message>
    <message>
        <source>Failed calls by kind: %1 of %2</source>
        <translation>Fehlgeschlagene Aufrufe nach Art: %1 von %2</translation>
    </message>
    <message>
        <source>Time queued per call: total %1, p95 %2</source>
        <translation>Wartezeit pro Aufruf: gesamt %1, p95 %2</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::FieldEditor</name>
    <message>
        <source>Allowed: %1</source>
        <translation>Erlaubt: %1</translation>
    </message>
    <message>
        <source>Environment variable: %1</source>
        <translation>Umgebungsvariable: %1</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::FirstTokenPage</name>
    <message>
        <source>Time to first token (ms)</source>
        <translation>Zeit bis zum ersten Token (ms)</translation>
    </message>
    <message>
        <source>No streamed replies in %1 — time to first token is measured when a model streams its answer.</source>
        <translation>Keine gestreamten Antworten in %1 – die Zeit bis zum ersten Token wird gemessen, wenn ein Modell seine Antwort streamt.</translation>
    </message>
    <message>
        <source>No model calls yet — time to first token per model appears as agents call models.</source>
        <translation>Noch keine Modellaufrufe – die Zeit bis zum ersten Token pro Modell erscheint, sobald Agenten Modelle aufrufen.</translation>
    </message>
    <message>
        <source>Time to first token per model</source>
        <translation>Zeit bis zum ersten Token pro Modell</translation>
    </message>
    <message>
        <source>%1: p50 %2 ms</source>
        <translation>%1: p50 %2 ms</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::GanttChart</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Stage timeline chart</source>
        <translation>Zeitleiste der Phasen</translation>
    </message>
    <message>
        <source>Agent %1 · %2 (%3)</source>
        <translation>Agent %1 · %2 (%3)</translation>
    </message>
    <message>
        <source>Started at +%1, ended at +%2</source>
        <translation>Begonnen bei +%1, beendet bei +%2</translation>
    </message>
    <message>
        <source>Queued %1 · retried %2 · running %3 · total %4</source>
        <translation>Wartend %1 · Wiederholungen %2 · laufend %3 · gesamt %4</translation>
    </message>
    <message>
        <source>First token after %1</source>
        <translation>Erstes Token nach %1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>Versuche: %1</translation>
    </message>
    <message>
        <source>Tokens: %1 in, %2 out</source>
        <translation>Tokens: %1 hinein, %2 heraus</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Kosten: %1</translation>
    </message>
    <message>
        <source> (answered from the cache)</source>
        <translation> (aus dem Cache beantwortet)</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;On the critical path: it delayed the document&apos;s end.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Auf dem kritischen Pfad: Dieser Aufruf hat das Ende des Dokuments verzögert.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source> (cache)</source>
        <translation> (Cache)</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::HistoryPanel</name>
    <message>
        <source>Search titles and topics</source>
        <translation>Titel und Themen durchsuchen</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Descending order</source>
        <translation>Absteigend sortieren</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>No documents yet. Generated documents are kept here.</source>
        <translation>Noch keine Dokumente. Erzeugte Dokumente werden hier aufbewahrt.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show the selected document</source>
        <translation>Das ausgewählte Dokument anzeigen</translation>
    </message>
    <message>
        <source>Re-&amp;run…</source>
        <translation>&amp;Neu erzeugen …</translation>
    </message>
    <message>
        <source>Put the selected document&apos;s request in the composer to edit and run again</source>
        <translation>Die Anfrage des ausgewählten Dokuments zum Bearbeiten und erneuten Erzeugen in den Anfrage-Editor übernehmen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Delete the selected document from the history</source>
        <translation>Das ausgewählte Dokument aus dem Verlauf löschen</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Fort&amp;setzen</translation>
    </message>
    <message>
        <source>Continue documents that were interrupted</source>
        <translation>Unterbrochene Dokumente fortsetzen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation>Verlauf nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>No document matches &quot;%1&quot;.</source>
        <translation>Kein Dokument passt zu „%1“.</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Dokument löschen</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; and its revisions from the history? This cannot be undone.</source>
        <translation>„%1“ und seine Überarbeitungen aus dem Verlauf löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Stopped at: %1. Resume continues it without paying again for finished calls.</source>
        <translation>Angehalten bei: %1. „Fortsetzen“ macht weiter, ohne fertige Aufrufe noch einmal zu bezahlen.</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>Nicht fertig</translation>
    </message>
    <message>
        <source>Not finished; it had run for %1 s when last saved</source>
        <translation>Nicht fertig; beim letzten Speichern lief es seit %1 s</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::InspectorPanel</name>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Voreinstellung:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Apply the chosen preset on top of the current settings</source>
        <translation>Die gewählte Voreinstellung auf die aktuellen Einstellungen anwenden</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Als Voreinstellung speichern …</translation>
    </message>
    <message>
        <source>Import YAML…</source>
        <translation>YAML importieren …</translation>
    </message>
    <message>
        <source>Export YAML…</source>
        <translation>YAML exportieren …</translation>
    </message>
    <message>
        <source>Orchestrator</source>
        <translation>Orchestrator</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Quality &amp;&amp; budget</source>
        <translation>Qualität &amp;&amp; Budget</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicherorte</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Protokollierung</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>%1 (yours)</source>
        <translation>%1 (eigene)</translation>
    </message>
    <message>
        <source>Listing the models of %1…</source>
        <translation>Modelle von %1 werden abgefragt …</translation>
    </message>
    <message>
        <source>Could not list the models of %1: %2 Type a model name.</source>
        <translation>Die Modelle von %1 ließen sich nicht abfragen: %2 Geben Sie einen Modellnamen ein.</translation>
    </message>
    <message>
        <source>%1 lists no models. Type a model name.</source>
        <translation>%1 bietet keine Modelle an. Geben Sie einen Modellnamen ein.</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) offered by %1</source>
        <translation>
            <numerusform>%n Modell von %1 angeboten</numerusform>
            <numerusform>%n Modelle von %1 angeboten</numerusform>
        </translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Preset &quot;%1&quot; applied</source>
        <translation>Voreinstellung „%1“ angewendet</translation>
    </message>
    <message>
        <source>Not imported: %1 has errors; the settings in force are unchanged.</source>
        <translation>Nicht importiert: %1 enthält Fehler; die geltenden Einstellungen bleiben unverändert.</translation>
    </message>
    <message>
        <source>Import YAML</source>
        <translation>YAML importieren</translation>
    </message>
    <message>
        <source>%1 has errors; nothing was changed.</source>
        <translation>%1 enthält Fehler; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 importiert</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Als Voreinstellung speichern</translation>
    </message>
    <message>
        <source>Preset &quot;%1&quot; saved</source>
        <translation>Voreinstellung „%1“ gespeichert</translation>
    </message>
    <message>
        <source>Import configuration</source>
        <translation>Konfiguration importieren</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML-Dateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export configuration</source>
        <translation>Konfiguration exportieren</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML-Dateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Name (letters, digits, - and _):</source>
        <translation>Name (Buchstaben, Ziffern, - und _):</translation>
    </message>
    <message>
        <source>One-line description:</source>
        <translation>Beschreibung in einer Zeile:</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::KeychainSecretStore</name>
    <message>
        <source>the desktop keychain</source>
        <translation>der Schlüsselbund der Arbeitsumgebung</translation>
    </message>
    <message>
        <source>The keychain refused access, so keys you enter are kept only until MADF Studio quits.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert, daher bleiben eingegebene Schlüssel nur bis zum Beenden von MADF Studio erhalten.</translation>
    </message>
    <message>
        <source>No keychain service is running, so keys you enter are kept only until MADF Studio quits.</source>
        <translation>Es läuft kein Schlüsselbunddienst, daher bleiben eingegebene Schlüssel nur bis zum Beenden von MADF Studio erhalten.</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>S&amp;ystemstandard</translation>
    </message>
    <message>
        <source>MADF Studio is already shown in %1.</source>
        <translation>MADF Studio wird bereits auf %1 angezeigt.</translation>
    </message>
    <message>
        <source>MADF Studio will be shown in %1 the next time it starts.</source>
        <translation>MADF Studio wird beim nächsten Start auf %1 angezeigt.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::LatencyPage</name>
    <message>
        <source>Latency (s)</source>
        <translation>Latenz (s)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Latency distribution</source>
        <translation>Verteilung der Latenz</translation>
    </message>
    <message>
        <source>No documents yet — generate one to see latency.</source>
        <translation>Noch keine Dokumente – erzeugen Sie eines, um die Latenz zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>Latency per document: p50 %1, p95 %2 (%n completed)</source>
        <translation>
            <numerusform>Latenz pro Dokument: p50 %1, p95 %2 (%n fertig)</numerusform>
            <numerusform>Latenz pro Dokument: p50 %1, p95 %2 (%n fertig)</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolling p50 (last %1)</source>
        <translation>Gleitendes p50 (letzte %1)</translation>
    </message>
    <message>
        <source>Rolling p95 (last %1)</source>
        <translation>Gleitendes p95 (letzte %1)</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::LocalServerOffer</name>
    <message>
        <source>Use it</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>%1 found at %2, but it has no models yet: download one (for Ollama: &lt;code&gt;ollama pull llama3.2&lt;/code&gt;), then restart MADF Studio.</source>
        <translation>%1 unter %2 gefunden, aber noch ohne Modelle: Laden Sie eines herunter (für Ollama: &lt;code&gt;ollama pull llama3.2&lt;/code&gt;) und starten Sie MADF Studio dann neu.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1 found&lt;/b&gt; at %2 with %n model(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1 gefunden&lt;/b&gt; unter %2 mit %n Modell.</numerusform>
            <numerusform>&lt;b&gt;%1 gefunden&lt;/b&gt; unter %2 mit %n Modellen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use %1 for every agent (you confirm first)</source>
        <translation>%1 für alle Agenten verwenden (Sie bestätigen zuerst)</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::MainWindow</name>
    <message>
        <source>MADF Studio %1</source>
        <translation>MADF Studio %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Simulated provider.&lt;/b&gt; No model is connected: documents are written by MADF Studio&apos;s built-in simulator, so their text is placeholder. Pipeline, timings, charts and (simulated) costs are real.</source>
        <translation>&lt;b&gt;Simulierter Anbieter.&lt;/b&gt; Es ist kein Modell verbunden: Dokumente schreibt der eingebaute Simulator von MADF Studio, ihr Text ist also nur Platzhalter. Ablauf, Zeiten, Diagramme und (simulierte) Kosten sind echt.</translation>
    </message>
    <message>
        <source>Connect a model…</source>
        <translation>Modell verbinden …</translation>
    </message>
    <message>
        <source>Add a model provider (OpenAI, Anthropic, Ollama, …) and its key</source>
        <translation>Einen Modellanbieter (OpenAI, Anthropic, Ollama …) und seinen Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Request loaded into the composer: edit it and press Generate.</source>
        <translation>Anfrage in den Anfrage-Editor übernommen: Bearbeiten Sie sie und klicken Sie auf Erstellen.</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Documents are not saved: %1</source>
        <translation>Dokumente werden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Nothing to resume</source>
        <translation>Nichts fortzusetzen</translation>
    </message>
    <message numerus="yes">
        <source>Resumed %n document(s)</source>
        <translation>
            <numerusform>%n Dokument fortgesetzt</numerusform>
            <numerusform>%n Dokumente fortgesetzt</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating &quot;%1&quot;…</source>
        <translation>„%1“ wird erzeugt …</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>unknown cost</source>
        <translation>unbekannte Kosten</translation>
    </message>
    <message>
        <source> (simulated)</source>
        <translation> (simuliert)</translation>
    </message>
    <message>
        <source>Estimate: %1 calls, about %2 s, %3; up to %4 calls with every revision round.</source>
        <translation>Schätzung: %1 Aufrufe, etwa %2 s, %3; bis zu %4 Aufrufe mit jeder Überarbeitungsrunde.</translation>
    </message>
    <message>
        <source>Provider: simulated (offline)</source>
        <translation>Anbieter: simuliert (offline)</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Anbieter: %1</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Laufend: %1</translation>
    </message>
    <message>
        <source>Today: $%1</source>
        <translation>Heute: $%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New request</source>
        <translation>&amp;Neue Anfrage</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>&amp;Export document…</source>
        <translation>Dokument e&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>D&amp;okument</translation>
    </message>
    <message>
        <source>&amp;Copy as Markdown</source>
        <translation>Als Markdown &amp;kopieren</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Resume interrupted</source>
        <translation>&amp;Unterbrochene fortsetzen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Providers…</source>
        <translation>&amp;Anbieter …</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About MADF Studio</source>
        <translation>&amp;Über MADF Studio</translation>
    </message>
    <message>
        <source>Providers saved</source>
        <translation>Anbieter gespeichert</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <source>Use %1 at %2 for all agents?</source>
        <translation>%1 unter %2 für alle Agenten verwenden?</translation>
    </message>
    <message>
        <source>Each agent gets the model &quot;%1&quot; unless it already names one the server has. You can pick another model per agent in the Inspector, and change providers under Settings &gt; Providers.</source>
        <translation>Jeder Agent erhält das Modell „%1“, sofern er nicht schon eines nennt, das der Server hat. Im Inspektor können Sie pro Agent ein anderes Modell wählen und unter Einstellungen &gt; Anbieter die Anbieter ändern.</translation>
    </message>
    <message>
        <source>All agents now use %1 (provider &quot;%2&quot;).</source>
        <translation>Alle Agenten verwenden jetzt %1 (Anbieter „%2“).</translation>
    </message>
    <message>
        <source>Settings saved to %1</source>
        <translation>Einstellungen in %1 gespeichert</translation>
    </message>
    <message>
        <source>About MADF Studio</source>
        <translation>Über MADF Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MADF Studio %1&lt;/h3&gt;&lt;p&gt;Turns a document request into a finished, verified document with a team of LLM agents.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MADF Studio %1&lt;/h3&gt;&lt;p&gt;Macht aus einer Dokumentanfrage mit einem Team von LLM-Agenten ein fertiges, geprüftes Dokument.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Today: $%1 (simulated)</source>
        <translation>Heute: $%1 (simuliert)</translation>
    </message>
    <message>
        <source>No model is connected: this is what the simulated calls would cost with the models they imitate. Nothing is paid.</source>
        <translation>Es ist kein Modell verbunden: So viel würden die simulierten Aufrufe mit den imitierten Modellen kosten. Bezahlt wird nichts.</translation>
    </message>
    <message>
        <source>What today&apos;s model calls cost</source>
        <translation>Was die heutigen Modellaufrufe kosten</translation>
    </message>
    <message>
        <source>Cancel a&amp;ll</source>
        <translation>A&amp;lle abbrechen</translation>
    </message>
    <message>
        <source>&amp;Import configuration…</source>
        <translation>Konfiguration &amp;importieren …</translation>
    </message>
    <message>
        <source>E&amp;xport configuration…</source>
        <translation>Konfiguration e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Save as p&amp;reset…</source>
        <translation>Als &amp;Voreinstellung speichern …</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Benchmark and load test</source>
        <translation>Benchmark und Lasttest</translation>
    </message>
    <message>
        <source>Stage &amp;timeline</source>
        <translation>&amp;Zeitleiste der Phasen</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Benchmark…</source>
        <translation>&amp;Benchmark …</translation>
    </message>
    <message>
        <source>&amp;Load test…</source>
        <translation>&amp;Lasttest …</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ProviderEditor</name>
    <message>
        <source>The name agents use to pick this provider (letters, digits, - and _).</source>
        <translation>Der Name, über den Agenten diesen Anbieter wählen (Buchstaben, Ziffern, - und _).</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Simulated (built in, offline)</source>
        <translation>Simuliert (eingebaut, offline)</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>&amp;API:</translation>
    </message>
    <message>
        <source>https://api.example.com/v1</source>
        <translation>https://api.example.com/v1</translation>
    </message>
    <message>
        <source>One base URL per line. With several, requests are spread over them as replicas, and one that fails is taken out for a while.</source>
        <translation>Eine Basis-URL pro Zeile. Bei mehreren werden Anfragen auf sie als Replikate verteilt, und eine, die ausfällt, wird eine Weile herausgenommen.</translation>
    </message>
    <message>
        <source>Base &amp;URLs:</source>
        <translation>Basis-&amp;URLs:</translation>
    </message>
    <message>
        <source>Runs on this computer: no key needed, its models cost nothing</source>
        <translation>Läuft lokal: kein Schlüssel nötig, Modelle kostenlos</translation>
    </message>
    <message>
        <source>Entered here, kept in the keychain</source>
        <translation>Hier eingegeben, im Schlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>Schlüssel anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>The environment variable MADF Studio and `madf` read the key from.</source>
        <translation>Die Umgebungsvariable, aus der MADF Studio und `madf` den Schlüssel lesen.</translation>
    </message>
    <message>
        <source>&amp;Variable:</source>
        <translation>&amp;Variable:</translation>
    </message>
    <message>
        <source>Limits and timeouts</source>
        <translation>Limits und Zeitlimits</translation>
    </message>
    <message>
        <source>Name the variable that holds the key.</source>
        <translation>Nennen Sie die Variable, die den Schlüssel enthält.</translation>
    </message>
    <message>
        <source>%1 is not set in MADF Studio&apos;s environment: set it before starting MADF Studio.</source>
        <translation>%1 ist in der Umgebung von MADF Studio nicht gesetzt: Setzen Sie die Variable vor dem Start von MADF Studio.</translation>
    </message>
    <message>
        <source>%1 is set.</source>
        <translation>%1 ist gesetzt.</translation>
    </message>
    <message>
        <source>OpenAI-compatible (Chat Completions)</source>
        <translation>OpenAI-kompatibel (Chat Completions)</translation>
    </message>
    <message>
        <source>OpenAI, OpenRouter, Ollama, llama.cpp, vLLM, LM Studio, Groq and others</source>
        <translation>OpenAI, OpenRouter, Ollama, llama.cpp, vLLM, LM Studio, Groq und andere</translation>
    </message>
    <message>
        <source>Anthropic (Messages)</source>
        <translation>Anthropic (Messages)</translation>
    </message>
    <message>
        <source>The wire format the endpoint speaks. OpenAI&apos;s is spoken by OpenAI, OpenRouter, Ollama, llama.cpp, vLLM, LM Studio, Groq and others.</source>
        <translation>Das Protokoll, das der Endpunkt spricht. Das von OpenAI sprechen OpenAI, OpenRouter, Ollama, llama.cpp, vLLM, LM Studio, Groq und andere.</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ProviderKeys</name>
    <message>
        <source>MADF_SECRET_STORE=memory is set, so keys you enter are kept only until MADF Studio quits.</source>
        <translation>MADF_SECRET_STORE=memory ist gesetzt, daher bleiben eingegebene Schlüssel nur bis zum Beenden von MADF Studio erhalten.</translation>
    </message>
    <message>
        <source>This build of MADF Studio has no keychain support, so keys you enter are kept only until it quits.</source>
        <translation>Diese Version von MADF Studio unterstützt keinen Schlüsselbund, daher bleiben eingegebene Schlüssel nur bis zum Beenden erhalten.</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ProviderTemplate</name>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Other OpenAI-compatible server…</source>
        <translation>Anderer OpenAI-kompatibler Server …</translation>
    </message>
    <message>
        <source>Ollama (local)</source>
        <translation>Ollama (lokal)</translation>
    </message>
    <message>
        <source>llama.cpp server (local)</source>
        <translation>llama.cpp-Server (lokal)</translation>
    </message>
    <message>
        <source>LM Studio (local)</source>
        <translation>LM Studio (lokal)</translation>
    </message>
    <message>
        <source>vLLM</source>
        <translation>vLLM</translation>
    </message>
    <message>
        <source>Simulated (built in)</source>
        <translation>Simuliert (eingebaut)</translation>
    </message>
    <message>
        <source>Anthropic-compatible</source>
        <translation>Anthropic-kompatibel</translation>
    </message>
    <message>
        <source>OpenAI-compatible (local)</source>
        <translation>OpenAI-kompatibel (lokal)</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI-kompatibel</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ProvidersDialog</name>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Genutzt von</translation>
    </message>
    <message>
        <source>Configured providers</source>
        <translation>Konfigurierte Anbieter</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Ask the endpoint for its models with these settings (not saved yet): is it there, does it take the key, how fast does it answer</source>
        <translation>Den Endpunkt mit diesen (noch nicht gespeicherten) Einstellungen nach seinen Modellen fragen: Ist er erreichbar, nimmt er den Schlüssel an, wie schnell antwortet er?</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>Noch nicht getestet.</translation>
    </message>
    <message>
        <source>Local servers on this computer</source>
        <translation>Lokale Server auf diesem Rechner</translation>
    </message>
    <message>
        <source>Not looked for yet.</source>
        <translation>Noch nicht gesucht.</translation>
    </message>
    <message>
        <source>&amp;Look again</source>
        <translation>Erneut &amp;suchen</translation>
    </message>
    <message>
        <source>Look for Ollama (port 11434), LM Studio (1234), llama.cpp (8080) and vLLM (8000) on this computer</source>
        <translation>Auf diesem Rechner nach Ollama (Port 11434), LM Studio (1234), llama.cpp (8080) und vLLM (8000) suchen</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>nicht nötig</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>eingegeben</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>$%1 (not set)</source>
        <translation>$%1 (nicht gesetzt)</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Checking the desktop keychain…</source>
        <translation>Schlüsselbund der Arbeitsumgebung wird geprüft …</translation>
    </message>
    <message>
        <source>Kept in %1, never in the settings file.</source>
        <translation>Aufbewahrt in: %1, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>A provider needs a name.</source>
        <translation>Ein Anbieter braucht einen Namen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: use letters, digits, ., - and _ (starting with a letter or digit).</source>
        <translation>„%1“: Verwenden Sie Buchstaben, Ziffern, ., - und _ (beginnend mit einem Buchstaben oder einer Ziffer).</translation>
    </message>
    <message>
        <source>Another provider is already named &quot;%1&quot;.</source>
        <translation>Ein anderer Anbieter heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>Removing &quot;%1&quot;: %2 will use the simulated provider once you save.</source>
        <translation>„%1“ wird entfernt: %2 nutzt nach dem Speichern den simulierten Anbieter.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet …</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>Models: %1</source>
        <translation>Modelle: %1</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weiteres</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (port %2)</source>
        <translation>%1 (Port %2)</translation>
    </message>
    <message>
        <source>Looking for %1…</source>
        <translation>Suche nach %1 …</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>None found on the usual ports (%1). Start one, then look again.</source>
        <translation>Auf den üblichen Ports (%1) nichts gefunden. Starten Sie einen Server und suchen Sie erneut.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 · %n model(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; unter %2 · %n Modell</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; unter %2 · %n Modelle</numerusform>
        </translation>
    </message>
    <message>
        <source> · still loading</source>
        <translation> · lädt noch</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add %1 as a provider</source>
        <translation>%1 als Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>configured as %1</source>
        <translation>konfiguriert als %1</translation>
    </message>
    <message>
        <source>all agents</source>
        <translation>alle Agenten</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::QualityPage</name>
    <message>
        <source>Quality score</source>
        <translation>Qualitätsbewertung</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>No verified documents yet — quality scores appear once verification has run.</source>
        <translation>Noch keine geprüften Dokumente – Qualitätsbewertungen erscheinen nach der Prüfung.</translation>
    </message>
    <message>
        <source>Quality per document: %1 of %2 below the threshold</source>
        <translation>Qualität pro Dokument: %1 von %2 unter der Schwelle</translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::QualityView</name>
    <message>
        <source>Structural (20%)</source>
        <translation>Struktur (20 %)</translation>
    </message>
    <message>
        <source>Content (30%)</source>
        <translation>Inhalt (30 %)</translation>
    </message>
    <message>
        <source>Accuracy (30%)</source>
        <translation>Genauigkeit (30 %)</translation>
    </message>
    <message>
        <source>Completeness (20%)</source>
        <translation>Vollständigkeit (20 %)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Revision rounds</source>
        <translation>Überarbeitungsrunden</translation>
    </message>
    <message>
        <source>Changes from the previous round</source>
        <translation>Änderungen gegenüber der vorigen Runde</translation>
    </message>
    <message>
        <source>No quality report yet: documents are scored after verification.</source>
        <translation>Noch kein Qualitätsbericht: Dokumente werden nach der Prüfung bewertet.</translation>
    </message>
    <message>
        <source>Draft: %1</source>
        <translation>Entwurf: %1</translation>
    </message>
    <message>
        <source>Round %1: %2</source>
        <translation>Runde %1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 (%3). Threshold %4: &lt;b&gt;%5&lt;/b&gt;%6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; – %2 (%3). Schwelle %4: &lt;b&gt;%5&lt;/b&gt;%6</translation>
    </message>
    <message>
        <source>met</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>nicht erreicht</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;Accuracy was not verified by a model: the rubric was missing or unreadable.&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;Die Genauigkeit wurde nicht von einem Modell geprüft: Die Bewertung fehlte oder war unlesbar.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The first draft: select a later round to see what its revision changed.</source>
        <translation>Der erste Entwurf: Wählen Sie eine spätere Runde, um zu sehen, was ihre Überarbeitung geändert hat.</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::SectionForm</name>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Lektorat</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>%1
Current value from: %2</source>
        <translation>%1
Aktueller Wert aus: %2</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::StageStrip</name>
    <message>
        <source>Research</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Lektorat</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Überarbeitung</translation>
    </message>
    <message>
        <source>Finalize</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>working</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::StageTimelineView</name>
    <message>
        <source>Reading the document&apos;s calls…</source>
        <translation>Die Aufrufe des Dokuments werden gelesen …</translation>
    </message>
    <message>
        <source>The calls could not be read: %1</source>
        <translation>Die Aufrufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Generate a document, or open one from the history, to see where its time went: one bar per model call, grouped by stage, with the critical path and the bottleneck named.</source>
        <translation>Erzeugen Sie ein Dokument oder öffnen Sie eines aus dem Verlauf, um zu sehen, wohin seine Zeit ging: ein Balken pro Modellaufruf, nach Phase gruppiert, mit kritischem Pfad und benanntem Engpass.</translation>
    </message>
    <message>
        <source>No model calls recorded for this document yet.</source>
        <translation>Für dieses Dokument sind noch keine Modellaufrufe aufgezeichnet.</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>retried attempts</source>
        <translation>wiederholte Versuche</translation>
    </message>
    <message>
        <source>running</source>
        <translation>laufend</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>critical path</source>
        <translation>kritischer Pfad</translation>
    </message>
    <message>
        <source>Calls: %1 · wall time %2 · %3 calls on the critical path · at most %4 in flight at once</source>
        <translation>Aufrufe: %1 · Gesamtdauer %2 · %3 Aufrufe auf dem kritischen Pfad · höchstens %4 gleichzeitig</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::StringListEditor</name>
    <message>
        <source>Files…</source>
        <translation>Dateien …</translation>
    </message>
    <message>
        <source>Add reference files (txt, md, html)</source>
        <translation>Quelldateien hinzufügen (txt, md, html)</translation>
    </message>
    <message>
        <source>URL…</source>
        <translation>URL …</translation>
    </message>
    <message>
        <source>Add a reference URL</source>
        <translation>Eine Quell-URL hinzufügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected %1</source>
        <translation>Ausgewählte %1 entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Add references</source>
        <translation>Quellen hinzufügen</translation>
    </message>
    <message>
        <source>Documents (*.txt *.md *.html *.htm);;All files (*)</source>
        <translation>Dokumente (*.txt *.md *.html *.htm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>http(s) address:</source>
        <translation>http(s)-Adresse:</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ThresholdSlider</name>
    <message>
        <source>unacceptable</source>
        <translation>inakzeptabel</translation>
    </message>
    <message>
        <source>regenerate</source>
        <translation>neu erzeugen</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>revise significantly</source>
        <translation>gründlich überarbeiten</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>ausreichend</translation>
    </message>
    <message>
        <source>refine</source>
        <translation>verfeinern</translation>
    </message>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>annehmen</translation>
    </message>
    <message>
        <source>excellent</source>
        <translation>ausgezeichnet</translation>
    </message>
    <message>
        <source>Quality threshold</source>
        <translation>Qualitätsschwelle</translation>
    </message>
    <message>
        <source>Threshold %1: %2</source>
        <translation>Schwelle %1: %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::ThroughputPage</name>
    <message>
        <source>Cache hits (%)</source>
        <translation>Cache-Treffer (%)</translation>
    </message>
    <message>
        <source>Hit rate so far</source>
        <translation>Bisherige Trefferquote</translation>
    </message>
    <message>
        <source>Documents/hour</source>
        <translation>Dokumente/Stunde</translation>
    </message>
    <message>
        <source>Output tokens/s</source>
        <translation>Ausgabe-Tokens/s</translation>
    </message>
    <message>
        <source>No model calls yet — cache hits and throughput appear as documents run.</source>
        <translation>Noch keine Modellaufrufe – Cache-Treffer und Durchsatz erscheinen, während Dokumente laufen.</translation>
    </message>
    <message>
        <source>%1 (simulated)</source>
        <translation>%1 (simuliert)</translation>
    </message>
    <message>
        <source>Response cache: %1% hits (%2 of %3 calls), saved %4</source>
        <translation>Antwort-Cache: %1 % Treffer (%2 von %3 Aufrufen), gespart %4</translation>
    </message>
    <message>
        <source>Throughput: %1 documents/hour, %2 output tokens/s</source>
        <translation>Durchsatz: %1 Dokumente/Stunde, %2 Ausgabe-Tokens/s</translation>
    </message>
</context>
<context>
    <name>Madf::Ui::UtilizationPage</name>
    <message>
        <source>Agents in use (%)</source>
        <translation>Agenten im Einsatz (%)</translation>
    </message>
    <message>
        <source>Agent pool in use / max_agents</source>
        <translation>Genutzter Agentenpool / max_agents</translation>
    </message>
    <message>
        <source>Model calls</source>
        <translation>Modellaufrufe</translation>
    </message>
    <message>
        <source>Calls in flight</source>
        <translation>Laufende Aufrufe</translation>
    </message>
    <message>
        <source>No agent activity yet — the pool fills while documents run.</source>
        <translation>Noch keine Agentenaktivität – der Pool füllt sich, während Dokumente laufen.</translation>
    </message>
    <message>
        <source>No agent was busy in %1.</source>
        <translation>In %1 war kein Agent beschäftigt.</translation>
    </message>
    <message>
        <source>Agent pool: peak %1 of %2 agents (max_agents)</source>
        <translation>Agentenpool: Spitze %1 von %2 Agenten (max_agents)</translation>
    </message>
    <message>
        <source>Model calls in flight: peak %1 of %2 (max_concurrent_tasks)</source>
        <translation>Laufende Modellaufrufe: Spitze %1 von %2 (max_concurrent_tasks)</translation>
    </message>
    <message>
        <source>max_concurrent_tasks = %1</source>
        <translation>max_concurrent_tasks = %1</translation>
    </message>
</context>
<context>
    <name>Madf::VerificationAgent</name>
    <message>
        <source>the model call failed</source>
        <translation>der Modellaufruf ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>&quot;claims&quot; must be an array of {text, verdict, note}</source>
        <translation>„claims“ muss ein Array aus {text, verdict, note} sein</translation>
    </message>
    <message>
        <source>&quot;claims&quot;[%1] needs a non-empty &quot;text&quot;</source>
        <translation>„claims“[%1] braucht einen nicht leeren „text“</translation>
    </message>
    <message>
        <source>&quot;claims&quot;[%1].verdict is &quot;%2&quot;; use verified, uncertain or contradicted</source>
        <translation>„claims“[%1].verdict ist „%2“; verwenden Sie verified, uncertain oder contradicted</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Fehlt: %1</translation>
    </message>
</context>
<context>
    <name>Madf::VerificationStage</name>
    <message>
        <source>No section cites a source: this document type requires citations such as [1].</source>
        <translation>Kein Abschnitt zitiert eine Quelle: Dieser Dokumenttyp verlangt Zitate wie [1].</translation>
    </message>
    <message>
        <source>Cite the numbered sources with [n] markers wherever a claim relies on them.</source>
        <translation>Zitieren Sie die nummerierten Quellen mit [n]-Markierungen überall dort, wo sich eine Aussage auf sie stützt.</translation>
    </message>
    <message>
        <source>This document type requires citations, but no reference could be read: add references to the request.</source>
        <translation>Dieser Dokumenttyp verlangt Zitate, aber keine Quelle konnte gelesen werden: Fügen Sie der Anfrage Quellen hinzu.</translation>
    </message>
    <message>
        <source>Improve accuracy, clarity and coverage of the requirements: the quality score %1 is below the threshold.</source>
        <translation>Verbessern Sie Genauigkeit, Klarheit und Abdeckung der Anforderungen: Die Qualitätsbewertung %1 liegt unter der Schwelle.</translation>
    </message>
</context>
<context>
    <name>Madf::Workflow</name>
    <message>
        <source>a stage must be a map with at least &quot;name&quot;</source>
        <translation>eine Phase muss eine Zuordnung mit mindestens „name“ sein</translation>
    </message>
    <message>
        <source>stage &quot;%1&quot;: %2 must be true or false, not &quot;%3&quot;</source>
        <translation>Phase „%1“: %2 muss true oder false sein, nicht „%3“</translation>
    </message>
    <message>
        <source>unknown stage key &quot;%1&quot; (known: name, kind, agent, depends_on, parallel, optional)</source>
        <translation>unbekannter Phasenschlüssel „%1“ (bekannt: name, kind, agent, depends_on, parallel, optional)</translation>
    </message>
    <message>
        <source>a stage needs a &quot;name&quot;</source>
        <translation>eine Phase braucht einen „name“</translation>
    </message>
    <message>
        <source>stage &quot;%1&quot;: unknown stage kind &quot;%2&quot; (known: %3)</source>
        <translation>Phase „%1“: unbekannte Phasenart „%2“ (bekannt: %3)</translation>
    </message>
    <message>
        <source>depends_on must be a stage name or a list of them</source>
        <translation>depends_on muss ein Phasenname oder eine Liste davon sein</translation>
    </message>
    <message>
        <source>a workflow must be a map with a &quot;stages&quot; list</source>
        <translation>ein Ablauf muss eine Zuordnung mit einer Liste „stages“ sein</translation>
    </message>
    <message>
        <source>require_citations must be true or false</source>
        <translation>require_citations muss true oder false sein</translation>
    </message>
    <message>
        <source>&quot;stages&quot; must be a list</source>
        <translation>„stages“ muss eine Liste sein</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (known: name, description, require_citations, stages)</source>
        <translation>unbekannter Schlüssel „%1“ (bekannt: name, description, require_citations, stages)</translation>
    </message>
    <message>
        <source>no &quot;stages&quot; list</source>
        <translation>keine Liste „stages“</translation>
    </message>
    <message>
        <source>cannot read the workflow: %1</source>
        <translation>der Ablauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>stage &quot;%1&quot; is defined twice</source>
        <translation>Phase „%1“ ist doppelt definiert</translation>
    </message>
    <message>
        <source>stage &quot;%1&quot;: a workflow runs each kind once, and &quot;%2&quot; already is %3</source>
        <translation>Phase „%1“: Ein Ablauf führt jede Art einmal aus, und „%2“ ist bereits %3</translation>
    </message>
    <message>
        <source>stage &quot;%1&quot;: unknown agent &quot;%2&quot; (configured: %3)</source>
        <translation>Phase „%1“: unbekannter Agent „%2“ (konfiguriert: %3)</translation>
    </message>
    <message>
        <source>stage &quot;%1&quot; depends on &quot;%2&quot;, which is not a stage of this workflow</source>
        <translation>Phase „%1“ hängt von „%2“ ab, das keine Phase dieses Ablaufs ist</translation>
    </message>
    <message>
        <source>the dependencies of %1 form a cycle</source>
        <translation>die Abhängigkeiten von %1 bilden einen Zyklus</translation>
    </message>
    <message>
        <source>a workflow needs a stage of kind write</source>
        <translation>ein Ablauf braucht eine Phase der Art write</translation>
    </message>
    <message>
        <source>a workflow needs a stage of kind finalize</source>
        <translation>ein Ablauf braucht eine Phase der Art finalize</translation>
    </message>
    <message>
        <source>stage &quot;%1&quot; (write) must come after an outline stage</source>
        <translation>Phase „%1“ (write) muss nach einer Gliederungsphase kommen</translation>
    </message>
    <message>
        <source>stage &quot;%1&quot; (%2) must come after the write stage</source>
        <translation>Phase „%1“ (%2) muss nach der Schreibphase kommen</translation>
    </message>
    <message>
        <source>stage &quot;%1&quot; (finalize) must come after &quot;%2&quot;</source>
        <translation>Phase „%1“ (finalize) muss nach „%2“ kommen</translation>
    </message>
    <message>
        <source>stages &quot;%1&quot; and &quot;%2&quot; both change the sections: one must depend on the other</source>
        <translation>die Phasen „%1“ und „%2“ ändern beide die Abschnitte: eine muss von der anderen abhängen</translation>
    </message>
    <message>
        <source>require_citations needs a research stage that is not optional</source>
        <translation>require_citations braucht eine Recherchephase, die nicht optional ist</translation>
    </message>
</context>
<context>
    <name>Madf::WritingAgent</name>
    <message>
        <source>&quot;sections&quot;[%1] is not an object</source>
        <translation>„sections“[%1] ist kein Objekt</translation>
    </message>
    <message>
        <source>&quot;sections&quot;[%1] has no &quot;title&quot;</source>
        <translation>„sections“[%1] hat keinen „title“</translation>
    </message>
    <message>
        <source>&quot;sections&quot;[%1].plan is not a string</source>
        <translation>„sections“[%1].plan ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;sections&quot;[%1]: %2</source>
        <translation>„sections“[%1]: %2</translation>
    </message>
    <message>
        <source>&quot;sections&quot;[%1].target_words is not a number</source>
        <translation>„sections“[%1].target_words ist keine Zahl</translation>
    </message>
    <message>
        <source>The purpose, the key findings and the recommendations, for readers who read nothing else.</source>
        <translation>Zweck, wichtigste Ergebnisse und Empfehlungen, für Leser, die sonst nichts lesen.</translation>
    </message>
    <message>
        <source>The question, the approach, the main findings and their significance.</source>
        <translation>Die Fragestellung, das Vorgehen, die wichtigsten Ergebnisse und ihre Bedeutung.</translation>
    </message>
    <message>
        <source>the model call failed</source>
        <translation>der Modellaufruf ist fehlgeschlagen</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>&quot;sections&quot; must be a non-empty array of sections</source>
        <translation>„sections“ muss ein nicht leeres Array von Abschnitten sein</translation>
    </message>
    <message>
        <source>the section &quot;%1&quot; came back empty</source>
        <translation>der Abschnitt „%1“ kam leer zurück</translation>
    </message>
    <message>
        <source>the executive summary came back empty</source>
        <translation>die Zusammenfassung kam leer zurück</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>MADF Studio: documents written and verified by a team of LLM agents.</source>
        <translation>MADF Studio: Dokumente, von einem Team aus LLM-Agenten geschrieben und geprüft.</translation>
    </message>
    <message>
        <source>Start generating a document on this topic.</source>
        <translation>Mit der Erzeugung eines Dokuments zu diesem Thema beginnen.</translation>
    </message>
    <message>
        <source>TOPIC</source>
        <translation>THEMA</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE after --delay ms, then quit (for documentation).</source>
        <translation>Nach --delay ms ein Bild des Fensters in DATEI speichern, dann beenden (für die Dokumentation).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Milliseconds before --screenshot.</source>
        <translation>Millisekunden bis --screenshot.</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Configuration not loaded</source>
        <translation>Konfiguration nicht geladen</translation>
    </message>
    <message>
        <source>The configuration has errors, so MADF Studio runs on its defaults. Your file is unchanged; settings you change now are saved to %1.

%2</source>
        <translation>Die Konfiguration enthält Fehler, daher läuft MADF Studio mit seinen Standardwerten. Ihre Datei bleibt unverändert; Einstellungen, die Sie jetzt ändern, werden in %1 gespeichert.

%2</translation>
    </message>
    <message>
        <source>DIALOG</source>
        <translation>DIALOG</translation>
    </message>
    <message>
        <source>With --show providers: test the selected provider&apos;s connection after MS ms.</source>
        <translation>Mit --show providers: die Verbindung des ausgewählten Anbieters nach MS ms testen.</translation>
    </message>
    <message>
        <source>Show MADF Studio in LANGUAGE (%1) this time; Settings &gt; Language remembers a choice.</source>
        <translation>MADF Studio diesmal in SPRACHE (%1) anzeigen; Einstellungen &gt; Sprache merkt sich eine Wahl.</translation>
    </message>
    <message>
        <source>LANGUAGE</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <source>Use a dark colour scheme (for screenshots).</source>
        <translation>Ein dunkles Farbschema verwenden (für Screenshots).</translation>
    </message>
    <message>
        <source>madf-studio: no translation for &quot;%1&quot;; available: %2</source>
        <translation>madf-studio: keine Übersetzung für „%1“; verfügbar: %2</translation>
    </message>
    <message>
        <source>Start N documents on sample topics, one every 1.5 s (demos, dashboard screenshots).</source>
        <translation>N Dokumente zu Beispielthemen starten, alle 1,5 s eines (Vorführungen, Dashboard-Screenshots).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Solar power for small farms</source>
        <translation>Solarstrom für kleine Bauernhöfe</translation>
    </message>
    <message>
        <source>Rust for C++ programmers</source>
        <translation>Rust für C++-Programmierer</translation>
    </message>
    <message>
        <source>The history of the printing press</source>
        <translation>Die Geschichte des Buchdrucks</translation>
    </message>
    <message>
        <source>Sleep and memory</source>
        <translation>Schlaf und Gedächtnis</translation>
    </message>
    <message>
        <source>Urban heat islands</source>
        <translation>Städtische Wärmeinseln</translation>
    </message>
    <message>
        <source>How vaccines are tested</source>
        <translation>Wie Impfstoffe getestet werden</translation>
    </message>
    <message>
        <source>With --show bench: run the benchmark comparing the settings with PRESET (or a YAML file).</source>
        <translation>Mit --show bench: den Benchmark starten, der die Einstellungen mit VOREINSTELLUNG (oder einer YAML-Datei) vergleicht.</translation>
    </message>
    <message>
        <source>PRESET</source>
        <translation>VOREINSTELLUNG</translation>
    </message>
    <message>
        <source>Open a dialog or panel at start: providers, timeline, bench, history, endpoints.</source>
        <translation>Beim Start einen Dialog oder Bereich öffnen: providers, timeline, bench, history, endpoints.</translation>
    </message>
</context>
</TS>
