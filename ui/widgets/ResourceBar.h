#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace raysec::ui {

// One used/total gauge of the Overview (CPU, GPU, memory, object store): a name, a bar and the
// figures in words. A resource the cluster does not report shows as "not reported".
class ResourceBar : public QWidget
{
    Q_OBJECT

public:
    enum class Unit
    {
        Count,
        Bytes
    };

    ResourceBar(const QString& title, Unit unit, QWidget* parent = nullptr);

    void setUsage(double used, double total);
    void setUnreported();
    QString figures() const;

    static QString formatAmount(double value, Unit unit);

private:
    struct Ui
    {
        QLabel* title = nullptr;
        QProgressBar* bar = nullptr;
        QLabel* figures = nullptr;
    };
    Ui m_ui;
    Unit m_unit;
};

} // namespace raysec::ui
