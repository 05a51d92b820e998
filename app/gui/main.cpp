#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

// The editor's entry point: `deadbolt [FILE...]`. Everything else lives in ui/.
int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Deadbolt"));
    QApplication::setOrganizationName(QStringLiteral("Deadbolt"));
    QApplication::setOrganizationDomain(QStringLiteral("deadbolt.github.io"));
    QApplication::setApplicationVersion(QStringLiteral(DEADBOLT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.deadbolt.Deadbolt"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/deadbolt.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Editor for immutable container deployments (Docker Compose, Kubernetes)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"), QApplication::translate("main", "Files to open."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    deadbolt::MainWindow window;
    for (const QString &file : parser.positionalArguments())
        window.openFile(file);
    window.show();
    return app.exec();
}
