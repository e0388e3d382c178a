#include "ui/overview/JobsModel.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace raysec::ui {

namespace {

bool isTerminalStatus(const QString& status)
{
    return status == QLatin1String("STOPPED") || status == QLatin1String("SUCCEEDED") ||
           status == QLatin1String("FAILED");
}

// Control characters (newlines, escape sequences) from a cluster would break the table's
// rows or smuggle terminal codes; show them as visible symbols instead.
QString visible(const QString& text)
{
    QString shown = text;
    for (QChar& c : shown) {
        if (c.category() == QChar::Other_Control) {
            c = c.unicode() < 0x20 ? QChar(0x2400 + c.unicode()) : QChar(0xFFFD);
        }
    }
    return shown;
}

QVariant statusColour(const QString& status)
{
    if (status == QLatin1String("RUNNING")) {
        return QColor(0x1f, 0x5f, 0xc4);
    }
    if (status == QLatin1String("SUCCEEDED")) {
        return QColor(0x21, 0x7a, 0x45);
    }
    if (status == QLatin1String("FAILED")) {
        return QColor(0xb3, 0x26, 0x1e);
    }
    if (status == QLatin1String("PENDING")) {
        return QColor(0x9a, 0x63, 0x00);
    }
    return QColor(0x5d, 0x6b, 0x7e);
}

QVariant fontFor(int column)
{
    QFont font;
    if (column == JobsModel::StatusColumn) {
        font.setWeight(QFont::DemiBold);
    } else {
        font.setFamily(QStringLiteral("monospace"));
        font.setStyleHint(QFont::Monospace);
    }
    return font;
}

} // namespace

JobsModel::JobsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void JobsModel::setJobs(const QList<JobInfo>& jobs, const QDateTime& now)
{
    beginResetModel();
    m_jobs = jobs;
    m_now = now;
    endResetModel();
}

int JobsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size()) {
        return {};
    }
    const JobInfo& job = m_jobs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(job, index.column());
    case Qt::ToolTipRole:
        // Tooltips guess whether text is rich; escaping keeps cluster text literal.
        if (index.column() == EntrypointColumn || index.column() == SubmissionIdColumn) {
            const QString text = displayText(job, index.column()).toString();
            return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>")
                .arg(text.toHtmlEscaped());
        }
        return {};
    case Qt::AccessibleTextRole:
        return displayText(job, index.column());
    case Qt::ForegroundRole:
        return index.column() == StatusColumn ? statusColour(job.status) : QVariant();
    case Qt::FontRole:
        return index.column() == StatusColumn || index.column() == SubmissionIdColumn
                   ? fontFor(index.column())
                   : QVariant();
    case SortRole:
        return sortValue(job, index.column());
    case StatusRole:
        return job.status;
    default:
        return {};
    }
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case EntrypointColumn:
        return tr("Entrypoint");
    case SubmissionIdColumn:
        return tr("Submission ID");
    case StartColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    default:
        return {};
    }
}

QString JobsModel::formatDuration(qint64 seconds)
{
    if (seconds < 0) {
        return {};
    }
    if (seconds < 60) {
        return tr("%1 s").arg(seconds);
    }
    if (seconds < 3600) {
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return tr("%1 h %2 min")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QVariant JobsModel::displayText(const JobInfo& job, int column) const
{
    switch (column) {
    case StatusColumn:
        return visible(job.status);
    case EntrypointColumn:
        return visible(job.entrypoint);
    case SubmissionIdColumn:
        return visible(job.submissionId.isEmpty() ? job.jobId : job.submissionId);
    case StartColumn:
        return job.startTime ? QLocale().toString(job.startTime->toLocalTime(),
                                                  QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                             : QString();
    case DurationColumn: {
        const auto seconds = durationSeconds(job);
        return seconds ? formatDuration(*seconds) : QString();
    }
    default:
        return {};
    }
}

QVariant JobsModel::sortValue(const JobInfo& job, int column) const
{
    switch (column) {
    case StartColumn:
        return job.startTime ? job.startTime->toMSecsSinceEpoch() : qint64(-1);
    case DurationColumn:
        return durationSeconds(job).value_or(-1);
    default:
        return displayText(job, column).toString().toCaseFolded();
    }
}

std::optional<qint64> JobsModel::durationSeconds(const JobInfo& job) const
{
    if (!job.startTime) {
        return std::nullopt;
    }
    // A running job's duration grows until the next refresh; a finished one has an end time.
    const QDateTime end = job.endTime                    ? *job.endTime
                          : isTerminalStatus(job.status) ? *job.startTime
                                                         : m_now;
    return std::max<qint64>(0, job.startTime->secsTo(end));
}

} // namespace raysec::ui
