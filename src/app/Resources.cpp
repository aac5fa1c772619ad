#include <QtGlobal>

// Resources in a static library need an explicit init (outside any namespace).
void socketscopeInitResources()
{
    Q_INIT_RESOURCE(socketscope);
}
