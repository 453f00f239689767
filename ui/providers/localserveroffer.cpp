#include "localserveroffer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>

namespace Madf::Ui {

namespace {
bool sameEndpoint(const QString &a, const QString &b)
{
    auto norm = [](const QString &text) {
        QUrl url(text.trimmed());
        if (url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("::1"))
            url.setHost(QStringLiteral("localhost"));
        return url.toString(QUrl::StripTrailingSlash);
    };
    return norm(a) == norm(b);
}
} // namespace

LocalServerOffer::LocalServerOffer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("localServerOffer"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_use = new QPushButton(tr("Use it"), this);
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (m_server)
            Q_EMIT useRequested(*m_server);
    });
    layout->addWidget(m_label);
    layout->addWidget(m_use);
    layout->addStretch(1); // the button right after the words it acts on
    m_detector = new LocalServerDetector(this);
    connect(m_detector, &LocalServerDetector::finished, this, &LocalServerOffer::onFinished);
    setVisible(false);
}

void LocalServerOffer::scan()
{
    m_detector->start();
}

QString LocalServerOffer::text() const
{
    return m_label->text();
}

void LocalServerOffer::onFinished(const QList<LocalServer> &servers)
{
    // The detector's order puts Ollama first; a server with models beats one without.
    m_server.reset();
    for (const LocalServer &s : servers) {
        if (!s.models.isEmpty() && s.ready) {
            m_server = s;
            break;
        }
    }
    if (!m_server && !servers.isEmpty())
        m_server = servers.first();
    if (!m_server) {
        setVisible(false);
        return;
    }
    const LocalServer &s = *m_server;
    if (s.models.isEmpty()) {
        m_label->setText(tr("%1 found at %2, but it has no models yet: download one (for Ollama: "
                            "<code>ollama pull llama3.2</code>), then restart MADF Studio.")
                             .arg(s.label(), s.address()));
        m_label->setWordWrap(true);
        m_use->setVisible(false);
    } else {
        m_label->setWordWrap(false); // one short line, its button right after it
        m_label->setText(tr("<b>%1 found</b> at %2 with %n model(s).", nullptr, int(s.models.size()))
                             .arg(s.label(), s.address()));
        m_use->setToolTip(tr("Use %1 for every agent (you confirm first)").arg(s.label()));
        m_use->setVisible(true);
    }
    setVisible(true);
}

QString LocalServerOffer::pickModel(const QStringList &models, const QString &current)
{
    if (models.contains(current))
        return current;
    for (const QString &m : models)
        if (!m.contains(QLatin1String("embed"), Qt::CaseInsensitive))
            return m;
    return models.value(0, current);
}

Config LocalServerOffer::configured(const Config &config, const LocalServer &server, QString *providerName)
{
    Config c = config;
    QString name;
    for (auto it = c.providers.cbegin(); it != c.providers.cend() && name.isEmpty(); ++it)
        for (const QString &url : it->baseUrls)
            if (sameEndpoint(url, server.baseUrl))
                name = it.key();
    if (name.isEmpty()) {
        name = server.kind;
        for (int n = 2; c.providers.contains(name); ++n)
            name = QStringLiteral("%1-%2").arg(server.kind).arg(n);
    }
    ProviderConfig p = c.providers.value(name);
    p.name = name;
    p.api = QStringLiteral("openai");
    p.baseUrls = {server.baseUrl};
    p.local = true;
    c.providers.insert(name, p);
    for (AgentConfig &a : c.agents) {
        a.modelConfig.provider = name;
        a.modelConfig.model = pickModel(server.models, a.modelConfig.model);
    }
    if (providerName)
        *providerName = name;
    return c;
}

} // namespace Madf::Ui
