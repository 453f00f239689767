// How long local quality assessment takes on one core: a generated
// 5,000-word Markdown document, assessed repeatedly. Prints figures; the
// target is well under 5 ms per document.
//
//   bench_quality [words] [iterations]

#include "core/quality/qualityassessor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <numeric>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <ctime>
#endif

using namespace Madf;
using namespace Qt::StringLiterals;

namespace {

const QStringList Vocabulary = QStringLiteral(
    "the a of and to in is that for it as with was on by be this are from at or an which have has not can their "
    "more other also city cities tree trees heat shade water cost costs planting street streets summer research "
    "temperature pollution residents neighbourhood infrastructure municipal evidence significant particularly "
    "approximately environmental maintenance benefit benefits program programs council budget species canopy "
    "measurement analysis studies suggest increase reduction community health asthma rainfall drainage surface "
    "asphalt concrete afternoon evening decade decades policy planning careful native hardy watering savings")
    .split(u' ');

class Generator
{
public:
    explicit Generator(quint32 seed) : m_random(seed) {}

    int between(int low, int high) { return int(m_random.bounded(low, high + 1)); }

    QString sentence(int *words)
    {
        const int n = between(6, 28);
        QString text;
        for (int i = 0; i < n; ++i) {
            QString word = Vocabulary.at(between(0, int(Vocabulary.size()) - 1));
            if (i == 0)
                word[0] = word[0].toUpper();
            if (!text.isEmpty())
                text += u' ';
            text += word;
            if (i == n / 2 && between(0, 3) == 0)
                text += u',';
        }
        if (between(0, 5) == 0)
            text += u" [%1]"_s.arg(between(1, 12));
        text += between(0, 12) == 0 ? u"?"_s : u"."_s;
        *words += n;
        return text;
    }

    QString section(int targetWords, int index)
    {
        QString content;
        int words = 0;
        int paragraph = 0;
        while (words < targetWords) {
            if (paragraph == 2)
                content += u"### Details %1\n\n"_s.arg(index);
            if (paragraph == 3) {
                content += u"- **Key point:** the canopy matters for shade [2]\n- Costs fall after the first decade\n"
                           "- Residents help with watering\n\n"_s;
                words += 20;
            }
            if (paragraph == 4 && index % 3 == 0)
                content += u"```python\n# not prose. ignored.\nprint(3.14)\n```\n\n"_s;
            const int sentences = between(3, 7);
            for (int i = 0; i < sentences; ++i) {
                content += sentence(&words);
                content += i % 2 ? u'\n' : u' ';
            }
            content += u"\n\n"_s;
            ++paragraph;
        }
        return content;
    }

private:
    QRandomGenerator m_random;
};

// CPU time of this thread: on a shared machine, wall time mostly measures
// the other processes.
double threadCpuMs()
{
#ifdef Q_OS_UNIX
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
#else
    return 0.0;
#endif
}

struct Series
{
    QList<double> values;

    double mean() const { return std::accumulate(values.cbegin(), values.cend(), 0.0) / double(values.size()); }
    double at(double quantile) const
    {
        QList<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(qMin(sorted.size() - 1, qsizetype(quantile * double(sorted.size()))));
    }
};

struct Figures
{
    Series wall;
    Series cpu;
};

template<typename F>
Figures measure(int iterations, F &&work)
{
    Figures f;
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        timer.start();
        work();
        f.wall.values.append(double(timer.nsecsElapsed()) / 1e6);
        f.cpu.values.append(threadCpuMs() - cpuStart);
    }
    return f;
}

void print(const char *what, const Figures &f)
{
    std::printf("%-26s cpu: mean %6.3f  median %6.3f  p95 %6.3f ms | wall: median %6.3f  min %6.3f ms\n", what,
                f.cpu.mean(), f.cpu.at(0.5), f.cpu.at(0.95), f.wall.at(0.5), f.wall.at(0.0));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int targetWords = args.size() > 1 ? args.at(1).toInt() : 5000;
    const int iterations = args.size() > 2 ? args.at(2).toInt() : 200;

    DocumentRequest request;
    request.topic = u"Urban trees and the cost of city heat"_s;
    request.documentType = u"report"_s;
    request.targetLength = targetWords;
    request.audience = u"general"_s;
    for (int i = 0; i < 10; ++i)
        request.requirements.append(u"Discuss the municipal budget for canopy maintenance in decade %1"_s.arg(i));

    Generator generator(20240501);
    Document document = Document::fromRequest(request);
    const QStringList titles {u"Executive Summary"_s, u"Introduction"_s, u"Background"_s, u"Benefits"_s, u"Costs"_s,
                              u"Case Studies"_s, u"Policy Options"_s, u"Recommendations"_s};
    for (int i = 0; i < titles.size(); ++i) {
        DocumentSection s;
        s.title = titles.at(i);
        s.order = i;
        s.content = generator.section(targetWords / int(titles.size()), i);
        document.sections.append(s);
    }
    document.recomputeWordCount();

    ModelRubric rubric;
    rubric.accuracy = 0.9;
    rubric.coherence = 0.85;
    rubric.clarity = 0.88;
    rubric.completeness = 0.8;
    for (int i = 0; i < 20; ++i)
        rubric.claims.append({u"Claim %1"_s.arg(i), i % 7 ? ClaimVerdict::Verified : ClaimVerdict::Uncertain, {}});
    const AssessOptions options = AssessOptions::forRequest(request, 10, true);

    qint64 characters = 0;
    for (const DocumentSection &s : std::as_const(document.sections))
        characters += s.content.size();
    std::printf("document: %d words, %lld characters, %lld sections; %d iterations on one thread\n",
                document.wordCount, characters, qlonglong(document.sections.size()), iterations);

    QualityReport report;
    // Warm-up: static tables, allocator.
    report = QualityAssessor::assess(document, request, rubric, options);

    print("assess (with rubric)", measure(iterations, [&] { report = QualityAssessor::assess(document, request, rubric, options); }));
    print("assess (no rubric)", measure(iterations, [&] { report = QualityAssessor::assess(document, request, std::nullopt, options); }));
    int sentences = 0;
    print("readability only", measure(iterations, [&] {
              sentences = 0;
              for (const DocumentSection &s : std::as_const(document.sections))
                  sentences += Readability::statsOf(s.content).sentences;
          }));
    const QStringList words = document.sections.at(3).content.split(u' ', Qt::SkipEmptyParts);
    int syllables = 0;
    const Figures syllableFigures = measure(iterations, [&] {
        syllables = 0;
        for (const QString &w : words)
            syllables += Readability::countSyllables(w);
    });
    print("countSyllables (section)", syllableFigures);
    std::printf("countSyllables: %.1f ns per word (cpu median) over %lld words\n",
                syllableFigures.cpu.at(0.5) * 1e6 / double(words.size()), qlonglong(words.size()));

    std::printf("result: overall %.3f (%s), %d sentences, FRE %.1f, grade %.1f, %lld findings, %lld components\n",
                report.overall, qPrintable(report.verdict()), sentences, report.readability.fleschReadingEase,
                report.readability.fleschKincaidGrade, qlonglong(report.findings.size()),
                qlonglong(report.components.size()));
    return 0;
}
