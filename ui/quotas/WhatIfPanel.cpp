#include "ui/quotas/WhatIfPanel.h"

#include "core/quotas/WhatIf.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace raysec::ui {

WhatIfPanel::WhatIfPanel(QWidget* parent)
    : QWidget(parent)
    , m_submission(new QPlainTextEdit(this))
    , m_answer(new QLabel(this))
{
    m_submission->setPlaceholderText(tr("Paste a job submission (JSON of POST /api/jobs/), for "
                                        "example {\"entrypoint\": \"python train.py\", "
                                        "\"entrypoint_num_cpus\": 4, \"metadata\": "
                                        "{\"raysec.team\": \"ml\"}}"));
    m_answer->setObjectName(QStringLiteral("whatIfAnswer"));
    m_answer->setTextFormat(Qt::PlainText);
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* ask = new QPushButton(tr("Would it fit?"), this);
    ask->setObjectName(QStringLiteral("askWhatIf"));
    connect(ask, &QPushButton::clicked, this, &WhatIfPanel::ask);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_submission, 1);
    layout->addWidget(ask);
    layout->addWidget(m_answer);
}

void WhatIfPanel::ask()
{
    auto submission = JobSubmission::fromJson(m_submission->toPlainText().toUtf8());
    if (!submission) {
        m_answer->setText(submission.error().text());
        return;
    }
    if (!m_report) {
        m_answer->setText(tr("No usage yet: select a cluster and wait for the first refresh."));
        return;
    }
    const WhatIfAnswer answer = WhatIf::evaluate(*submission, *m_report, m_config);
    QStringList lines{answer.fits ? tr("Fits (team %1).").arg(answer.team)
                                  : tr("Does not fit (team %1):").arg(answer.team)};
    for (const WhatIfReason& reason : answer.reasons) {
        lines.append(reason.text);
    }
    for (const WhatIfReason& reason : answer.softWarnings) {
        lines.append(tr("Warning: %1").arg(reason.text));
    }
    if (!answer.clusterChecked) {
        lines.append(tr("The cluster's free resources are unknown, so only quotas were checked."));
    }
    m_answer->setText(lines.join(QLatin1Char('\n')));
}

} // namespace raysec::ui
