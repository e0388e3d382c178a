#pragma once

#include "core/cluster/ClusterSnapshot.h"

#include <QWidget>

class QLabel;

namespace raysec::ui {

// The row of cards at the top of the Overview: Ray version, authentication mode (with a clear
// warning when the cluster accepts anyone), and nodes alive and dead.
class ClusterSummary : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterSummary(QWidget* parent = nullptr);

    void showSnapshot(const ClusterSnapshot& snapshot);
    void clear();

    QString versionText() const;
    QString authText() const;
    QString authWarning() const;
    QString nodesText() const;

    static QString authModeName(AuthModeSeen mode);

private:
    struct Card
    {
        QWidget* frame = nullptr;
        QLabel* caption = nullptr;
        QLabel* value = nullptr;
        QLabel* note = nullptr;
    };
    Card makeCard(const QString& caption);
    void setCardState(Card& card, const char* state);

    struct Ui
    {
        Card version;
        Card auth;
        Card nodes;
    };
    Ui m_ui;
};

} // namespace raysec::ui
