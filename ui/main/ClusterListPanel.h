#pragma once

#include "core/store/ClusterProfile.h"

#include <QWidget>

class QListWidget;
class QPushButton;

namespace raysec::ui {

// The cluster list in the main window's sidebar, with its add, edit and remove buttons. It only
// shows profiles and reports what the person asked for; the main window does the work.
class ClusterListPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterListPanel(QWidget* parent = nullptr);

    void setProfiles(const QList<ClusterProfile>& profiles, const QString& selected);
    QString selectedName() const;
    void select(const QString& name);
    QListWidget* list() const { return m_ui.list; }
    QPushButton* addButton() const { return m_ui.add; }
    QPushButton* editButton() const { return m_ui.edit; }
    QPushButton* removeButton() const { return m_ui.remove; }

Q_SIGNALS:
    void selectionChanged(const QString& name); // empty when nothing is selected
    void addRequested();
    void editRequested(const QString& name);
    void removeRequested(const QString& name);

private:
    void updateButtons();

    struct Ui
    {
        QListWidget* list = nullptr;
        QPushButton* add = nullptr;
        QPushButton* edit = nullptr;
        QPushButton* remove = nullptr;
    };
    Ui m_ui;
    bool m_filling = false;
};

} // namespace raysec::ui
