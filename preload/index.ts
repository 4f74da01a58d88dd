// The sandboxed preload (bundled to dist/preload/index.cjs; a sandboxed preload may only require
// 'electron'). It exposes the contract API as window.nuqta and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './bridge';
import { API_GLOBAL } from './contract';

contextBridge.exposeInMainWorld(API_GLOBAL, buildPreloadApi(ipcRenderer));
