// The customer display's sandboxed preload (bundled to dist/preload/customer.cjs; may only require
// 'electron'). It exposes window.nuqta with the customer display's read-only methods and its events only,
// under the same global as the till's preload, so the renderer finds its carrier the same way.
import { contextBridge, ipcRenderer } from 'electron';
import { buildCustomerDisplayApi } from './bridge';
import { API_GLOBAL } from './contract';

contextBridge.exposeInMainWorld(API_GLOBAL, buildCustomerDisplayApi(ipcRenderer));
