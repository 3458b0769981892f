import "server-only";
// Payments: fee rules, quotes, orders, the gateway and its notifications, coupons, the saver card.
import "./cards"; // registers what a paid saver-card order does
import "./sandbox"; // registers the sandbox's notification sender
export { feeRules, FEE_RULES_KEY } from "./rules";
export { orderCreate, orderFor, ordersFor, contractFee, feeAtInitiation, refundContractFee, quoteFor, registerOrderPaid, orderInsert, orderCheckout, lockFees, orderRefundStart, orderSubjects, type OrderRow } from "./orders";
export { paymentNoticeHandle } from "./notify";
export { couponRedeem, couponWallet, type CouponView } from "./coupons";
export { cardsOf } from "./cards";
export * from "./gateway";
export * from "./sandbox";
