// What ZATCA said (a BR-KSA rule, an OTP refused), each message as it sent it: codes and texts read left to right.
import type { ZatcaMessage } from '../../../preload/contract/einvoicing';

export function ZatcaMessages({ messages }: { messages: readonly ZatcaMessage[] }) {
  return (
    <ul className="einv-messages">
      {messages.map((m, i) => (
        <li key={`${m.code}-${i}`} className="einv-message" data-code={m.code}>
          <bdi dir="ltr">
            <code>{m.code}</code> {m.message}
          </bdi>
        </li>
      ))}
    </ul>
  );
}
