#include "answers/ResultTable.h"

#include <QJsonArray>

namespace socketscope {

QString ResultTable::cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return QString();
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return d == static_cast<double>(static_cast<qint64>(d)) ? QString::number(static_cast<qint64>(d)) : QString::number(d);
    }
    case QJsonValue::String: return value.toString();
    case QJsonValue::Array: return QStringLiteral("[%1]").arg(value.toArray().size());
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        for (const char *key : {"display", "name", "model", "cid", "address", "id"}) {
            const QString text = cellText(o.value(QLatin1String(key)));
            if (!text.isEmpty())
                return text;
        }
        return QString();
    }
    }
    return QString();
}

QString ResultTable::toText() const
{
    QVector<int> widths;
    for (const QString &c : columns)
        widths.append(static_cast<int>(c.size()));
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], static_cast<int>(row.at(i).size()));
    }
    auto line = [&widths](const QStringList &cells) {
        QStringList padded;
        for (int i = 0; i < widths.size(); ++i)
            padded.append(cells.value(i).leftJustified(widths.at(i)));
        return padded.join(QStringLiteral("  ")).trimmed();
    };
    QStringList lines{line(columns)};
    QStringList rule;
    for (int w : std::as_const(widths))
        rule.append(QString(w, QLatin1Char('-')));
    lines.append(rule.join(QStringLiteral("  ")));
    for (const QStringList &row : rows)
        lines.append(line(row));
    return lines.join(QLatin1Char('\n'));
}

ResultTable ResultTable::fromJson(const QJsonObject &listOrDetail)
{
    ResultTable table;
    QVector<QJsonObject> objects;
    if (listOrDetail.value(QLatin1String("results")).isArray()) {
        const QJsonArray results = listOrDetail.value(QLatin1String("results")).toArray();
        for (const QJsonValue &v : results)
            objects.append(v.toObject());
        table.totalCount = listOrDetail.value(QLatin1String("count")).toInt(static_cast<int>(objects.size()));
        table.truncated = table.totalCount > objects.size();
    } else {
        objects.append(listOrDetail);
        table.totalCount = 1;
    }
    if (objects.isEmpty())
        return table;
    const QJsonObject &first = objects.first();
    if (first.contains(QLatin1String("display")))
        table.columns.append(QStringLiteral("display"));
    for (auto it = first.constBegin(); it != first.constEnd(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("display") || key == QLatin1String("url") || key == QLatin1String("notes_url")
            || it.value().isArray())
            continue;
        // custom_fields is an object without a display: its keys are not one value.
        if (it.value().isObject() && key == QLatin1String("custom_fields"))
            continue;
        table.columns.append(key);
    }
    for (const QJsonObject &o : std::as_const(objects)) {
        QStringList row;
        for (const QString &c : std::as_const(table.columns))
            row.append(cellText(o.value(c)));
        table.rows.append(row);
    }
    return table;
}

} // namespace socketscope
