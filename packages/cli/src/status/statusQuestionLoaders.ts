import type { StatusQuestionLoader } from './StatusQuestionLoader.js';

/**
 * Every `ha status` question (cl_status's, plus the overview), each with an oclif command
 * `status[:word]`. Loaded one at a time: each module the fast path imports costs it start-up time.
 */
export const statusQuestionLoaders: readonly StatusQuestionLoader[] = [
  { word: '', load: async () => (await import('./questions/overviewQuestion.js')).overviewQuestion },
  { word: 'hbstatus', load: async () => (await import('./questions/hbstatusQuestion.js')).hbstatusQuestion },
  { word: 'listnodes', load: async () => (await import('./questions/listnodesQuestion.js')).listnodesQuestion },
  { word: 'nodestatus', load: async () => (await import('./questions/nodestatusQuestion.js')).nodestatusQuestion },
  { word: 'nodetype', load: async () => (await import('./questions/nodetypeQuestion.js')).nodetypeQuestion },
  { word: 'listhblinks', load: async () => (await import('./questions/listhblinksQuestion.js')).listhblinksQuestion },
  { word: 'hblinkstatus', load: async () => (await import('./questions/hblinkstatusQuestion.js')).hblinkstatusQuestion },
  { word: 'rscstatus', load: async () => (await import('./questions/rscstatusQuestion.js')).rscstatusQuestion },
];
