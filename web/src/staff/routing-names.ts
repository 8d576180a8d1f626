import { departmentName, routingTable, topicName } from '../../../domain/appeal-routing.js';
import type { Language } from '../../../domain/catalogue.js';

/** An appeal topic's name in the reader's language (the code when the routing table lacks it). */
export function topicLabel(code: string, lang: Language): string {
  return topicName(routingTable, code)?.[lang] ?? code;
}

/** A department's name in the reader's language (the code when the routing table lacks it). */
export function departmentLabel(code: string, lang: Language): string {
  return departmentName(code)?.[lang] ?? code;
}
